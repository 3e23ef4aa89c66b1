import MessageModel
import Rules

/// One message on its way to a queue, with everything the stages decided.
///
/// A message usually makes one interaction; recipient copies make one per
/// recipient. Stages return changed interactions and never do I/O: applying
/// header edits and delivering to the queue is the caller's business.
public struct Interaction: Sendable {
    /// The message the rules read: as received, or its stripped version.
    public var message: Message
    /// Whether `message` is the header-only stand-in for an oversized message.
    public var isStripped = false
    /// The profile of the mailbox the message came through.
    public var mailbox: MailboxProfile
    /// Tags set by rules, in order of first addition.
    public var tags = TagList()
    /// Attributes set by stages and rules.
    public var attributes = AttributeList()
    /// Header changes to apply on delivery, in order.
    public var headerEdits: [HeaderEdit] = []
    /// For recipient copies: the recipient's addr-spec.
    public var copyRecipient: String?
    /// The queue decided so far.
    public var queue: String?
    /// Whether the interaction must go to its mailbox's default queue, routing skipped.
    public var isForced = false
    /// Whether a `<stop scope="pipeline"/>` ended the run of later stages.
    public var isStopped = false
    /// What every stage and rule did, in order.
    public var trace: [TraceEntry] = []
    /// Rules that could not be evaluated (a pattern gave up); each counted as not matching.
    public var defects: [RuleEvaluationError] = []

    /// A fresh interaction for `message` arriving through `mailbox`.
    public init(message: Message, mailbox: MailboxProfile) {
        self.message = message
        self.mailbox = mailbox
    }
}
