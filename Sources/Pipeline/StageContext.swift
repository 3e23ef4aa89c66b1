import MessageModel
import Rules

/// What stages may consult while one message runs through the pipeline:
/// the queue directory, the size the server reported, and the message facts,
/// decoded once and shared by every stage and copy.
///
/// One context serves one message on one thread.
public final class StageContext {
    /// Queues and endpoints, for routes and default queues.
    public let directory: QueueDirectory
    /// The size the server reported, when it did; negative means unknown.
    public let reportedSize: Int?
    /// Whether stages write each interaction's trace. Without it they decide
    /// the same, and rules are evaluated only as far as their actions need.
    public let tracing: Bool
    /// Whether a trace also has an entry for each rule that did not match.
    /// Without it only matching rules are explained (each evaluated a second
    /// time, explaining): what a stored sidecar keeps, at a fraction of the cost.
    public let tracesUnmatchedRules: Bool
    private var cachedFacts: MessageFacts?
    private var cachedStrippedFacts: MessageFacts?
    private let shared: SharedFacts?

    /// A context for one message; `shared` holds facts another pipeline already decoded for it.
    public init(
        directory: QueueDirectory, reportedSize: Int? = nil, tracing: Bool = true, tracesUnmatchedRules: Bool = true,
        shared: SharedFacts? = nil
    ) {
        self.directory = directory
        self.reportedSize = reportedSize
        self.tracing = tracing
        self.tracesUnmatchedRules = tracesUnmatchedRules
        self.shared = shared
    }

    /// Problems found while decoding what the rules read of the message
    /// (encoded words, charsets, addresses), for the decision's report.
    public var decodingDefects: [Defect] {
        guard let stripped = cachedStrippedFacts else { return cachedFacts?.defects ?? [] }
        return (cachedFacts?.defects ?? []) + stripped.defects
    }

    /// The facts rules read for `interaction`. A stripped message has its own
    /// facts, with the size conditions compare still the size as received.
    public func facts(for interaction: Interaction) -> MessageFacts {
        if interaction.isStripped {
            if let cachedStrippedFacts { return cachedStrippedFacts }
            let original = Int(interaction.attributes[SizeCheckStage.originalSizeAttribute] ?? "")
            let facts = MessageFacts(message: interaction.message, mailbox: interaction.mailbox.name, size: original)
            cachedStrippedFacts = facts
            return facts
        }
        if let cachedFacts { return cachedFacts }
        // The reported size, when known, is the size as received: the message
        // itself may be only its header section, read for header-only rules.
        let known = reportedSize.flatMap { $0 >= 0 ? $0 : nil }
        let mailbox = interaction.mailbox.name
        if let facts = shared?.facts, facts.mailbox == mailbox, facts.size == known ?? interaction.message.size {
            cachedFacts = facts
            return facts
        }
        let facts = MessageFacts(message: interaction.message, mailbox: mailbox, size: known)
        cachedFacts = facts
        if let shared, shared.facts == nil { shared.facts = facts }
        return facts
    }
}
