/// A stored entry that could not be reprocessed cleanly: which, and why.
public struct BadEntry: Sendable, Equatable {
    /// What went wrong.
    public enum Kind: String, Sendable, Equatable {
        /// The entry could not be read as a message (or its source could not be opened); it was not routed.
        case unreadable
        /// A rule failed on the message (a pattern reached its match limit); the message was
        /// routed with the rule counted as not matching.
        case ruleError = "rule-error"
    }

    /// Where the entry stands in the run.
    public var ordinal: EntryOrdinal
    /// Where it is stored, as the mailbox reader describes it.
    public var position: String
    /// What went wrong.
    public var kind: Kind
    /// Why, as a sentence for the person who must look at it.
    public var reason: String

    /// A bad entry.
    public init(ordinal: EntryOrdinal, position: String, kind: Kind, reason: String) {
        self.ordinal = ordinal
        self.position = position
        self.kind = kind
        self.reason = reason
    }
}
