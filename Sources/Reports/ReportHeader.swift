/// What a reprocessing report is about: the rule sets, the mailbox profile
/// forced, the sources and the shard. Reports merge only when everything
/// but the shard is the same.
public struct ReportHeader: Sendable, Equatable {
    /// A rule file and the digest of its content and includes.
    public struct RuleSetReference: Sendable, Equatable {
        /// The rule file as given on the command line.
        public var path: String
        /// A digest of the rule file and every file it includes.
        public var identity: String

        /// A reference.
        public init(path: String, identity: String) {
            self.path = path
            self.identity = identity
        }
    }

    /// The rules being tried (`--rules`).
    public var rules: RuleSetReference
    /// The rules they replace (`--compare`).
    public var compare: RuleSetReference?
    /// The mailbox profile every message came through (`--mailbox`).
    public var mailbox: String?
    /// The sources in the order given.
    public var sources: [String]
    /// The share of the job, for one shard of a split run.
    public var shard: ShardSpec?

    /// A header.
    public init(rules: RuleSetReference, compare: RuleSetReference?, mailbox: String?, sources: [String], shard: ShardSpec?) {
        self.rules = rules
        self.compare = compare
        self.mailbox = mailbox
        self.sources = sources
        self.shard = shard
    }
}
