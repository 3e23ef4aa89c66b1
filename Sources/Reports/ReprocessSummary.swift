/// The counts of a reprocessing run: messages, bad entries, what each rule
/// set did and, with an old rule set, the impact of the change.
///
/// Every field adds up, so the summaries of shards merge into the summary
/// of one run over everything.
public struct ReprocessSummary: Sendable, Equatable {
    /// Messages read and routed.
    public var messages = 0
    /// Entries that could not be read as messages (and sources that could not be opened).
    public var unreadable = 0
    /// Messages on which a rule of either set failed (they are still routed).
    public var ruleErrorMessages = 0
    /// The rules being tried (`--rules`).
    public var new: RuleSetTally
    /// The rules they replace (`--compare`), when given.
    public var old: RuleSetTally?
    /// The changes from `old` to `new`, when `old` is given.
    public var impact: ImpactTally?
    /// What `--apply` did in the queue store; nil for a dry run.
    public var store: StoreTally?

    /// An empty summary for the rules of `new` and, when comparing, of `old`.
    public init(new: RuleCatalog, old: RuleCatalog?) {
        self.new = RuleSetTally(catalog: new)
        self.old = old.map(RuleSetTally.init(catalog:))
        impact = old == nil ? nil : ImpactTally()
    }

    /// A summary read back from a report.
    public init(
        messages: Int, unreadable: Int, ruleErrorMessages: Int, new: RuleSetTally, old: RuleSetTally?, impact: ImpactTally?,
        store: StoreTally? = nil
    ) {
        self.messages = messages
        self.unreadable = unreadable
        self.ruleErrorMessages = ruleErrorMessages
        self.new = new
        self.old = old
        self.impact = impact
        self.store = store
    }

    /// Adds the counts of `other`, the summary of another part of the same run.
    public mutating func merge(_ other: ReprocessSummary) {
        messages += other.messages
        unreadable += other.unreadable
        ruleErrorMessages += other.ruleErrorMessages
        new.merge(other.new)
        if let otherOld = other.old { old?.merge(otherOld) }
        if let otherImpact = other.impact { impact?.merge(otherImpact) }
        if let otherStore = other.store {
            if store == nil { store = otherStore } else { store?.merge(otherStore) }
        }
    }
}
