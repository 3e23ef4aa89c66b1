import MessageModel
import Pipeline

/// One fetched message with the pipeline's decision, ready to be stored.
public struct Delivery: Sendable {
    /// Where the message came from; a ledger stores each identity once.
    public var identity: SourceIdentity
    /// The message as fetched: its bytes go to the spool unchanged, its
    /// Message-ID feeds the duplicate check.
    public var message: Message
    /// What the pipeline decided; only `process` decisions are stored.
    public var decision: Decision
    /// When the message was received.
    public var received: StoreTimestamp
    /// The size the server reported, when it did (negative: unknown).
    public var reportedSize: Int?
    /// Whether a message whose Message-ID this ledger already stored is
    /// skipped (Genesys `enable-message-id-check`); by default the decision's
    /// ``Decision/checksDuplicateMessageID``, which is off when copying to recipients.
    public var checksDuplicateMessageID: Bool

    /// A delivery of `message` from `identity` as `decision` says.
    public init(
        identity: SourceIdentity, message: Message, decision: Decision, received: StoreTimestamp = .now(),
        reportedSize: Int? = nil
    ) {
        self.identity = identity
        self.message = message
        self.decision = decision
        self.received = received
        self.reportedSize = reportedSize
        self.checksDuplicateMessageID = decision.checksDuplicateMessageID
    }

    /// The Message-ID field, unfolded and trimmed; nil when absent or blank.
    var messageID: String? {
        guard let value = message.header.first(named: "Message-ID")?.unfoldedValue else { return nil }
        let trimmed = value.trimmingWhiteSpace
        return trimmed.isEmpty ? nil : trimmed
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    var trimmingWhiteSpace: String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard let first = firstIndex(where: { !blank($0) }), let last = lastIndex(where: { !blank($0) }) else { return "" }
        return String(self[first...last])
    }
}
