import XMLDocuments

/// What `mailroute run` works from: the rule file, the queue store and the
/// mailboxes to poll, as one configuration file declares them.
/// ``ConfigurationLoader`` reads and checks it.
public struct ServiceConfiguration: Sendable, Hashable {
    /// The root element of every configuration file.
    public static let rootElementName = "configuration"
    /// The configuration format versions this mailroute reads.
    public static let supportedVersions = ["1"]

    /// The configuration file, as its locations name it.
    public var file: String
    /// The format version the file is written in.
    public var version: String
    /// The rule file (`<rule-file href>`), resolved against the configuration's directory.
    public var ruleFile: String
    /// Where `<rule-file>` is written, for problems found in the rule file it names.
    public var ruleFileLocation: SourceLocation
    /// The queue store's directory (`<queue-store directory>`), resolved against the configuration's directory.
    public var queueStoreDirectory: String
    /// The mailboxes in the order written; names and addresses are unique.
    public var mailboxes: [MailboxAccount]

    /// Creates a configuration from its parts; files go through ``ConfigurationLoader``.
    public init(
        file: String, version: String, ruleFile: String, ruleFileLocation: SourceLocation,
        queueStoreDirectory: String, mailboxes: [MailboxAccount]
    ) {
        self.file = file
        self.version = version
        self.ruleFile = ruleFile
        self.ruleFileLocation = ruleFileLocation
        self.queueStoreDirectory = queueStoreDirectory
        self.mailboxes = mailboxes
    }

    /// The mailbox called `name`.
    public func mailbox(named name: String) -> MailboxAccount? {
        mailboxes.first { $0.name == name }
    }

    /// The mailboxes with `enable-client="true"`: those `mailroute run` polls.
    public var enabledMailboxes: [MailboxAccount] {
        mailboxes.filter(\.enableClient)
    }
}
