/// A message the new rules route differently from the old ones, as the
/// impact report lists it.
public struct ChangedMessage: Sendable, Equatable {
    /// Where the message stands in the run.
    public var ordinal: EntryOrdinal
    /// Where it is stored, as the mailbox reader describes it.
    public var position: String
    /// Its Message-ID field, unfolded.
    public var messageID: String?
    /// Its decoded Subject.
    public var subject: String?
    /// What the old rules decided.
    public var old: RoutingOutcome
    /// What the new rules decide.
    public var new: RoutingOutcome

    /// A changed message.
    public init(ordinal: EntryOrdinal, position: String, messageID: String?, subject: String?, old: RoutingOutcome, new: RoutingOutcome) {
        self.ordinal = ordinal
        self.position = position
        self.messageID = messageID
        self.subject = subject
        self.old = old
        self.new = new
    }

    /// Whether a destination changed, rather than only tags or attributes.
    public var changesQueue: Bool { old.destinations != new.destinations }
}
