/// Which part of a message a retrieval asks for.
public enum POP3MessagePart: Sendable, Hashable {
    /// The whole message (RETR).
    case message
    /// The header section and the blank line after it (TOP n 0), for messages
    /// too large to fetch whole. Servers that do not offer TOP refuse it.
    case header

    /// The command that asks for this part of message `number`.
    func command(for number: Int) -> POP3Command {
        POP3Command(self == .message ? "RETR \(number)" : "TOP \(number) 0")
    }
}

/// What became of one message of a retrieval batch. Failures that leave the
/// session usable are outcomes; failures that end it are thrown instead.
public struct POP3Retrieval: Sendable, Hashable {
    /// How the retrieval of one message ended.
    public enum Outcome: Sendable, Hashable {
        /// The message (or its header) was appended to the caller's buffer: `octets`
        /// bytes, unstuffed, with the server's line ends (CRLF).
        case retrieved(octets: Int)
        /// The server refused the command (no such message, deleted, a server error);
        /// nothing was appended.
        case refused(POP3ServerReply)
        /// The message was longer than `limit` octets: nothing was appended, the rest
        /// was read and discarded, and the session goes on.
        case tooLarge(limit: Int)
    }

    /// The message's number in this session.
    public let number: Int
    /// How its retrieval ended.
    public let outcome: Outcome

    /// A retrieval from its parts.
    public init(number: Int, outcome: Outcome) {
        self.number = number
        self.outcome = outcome
    }
}

/// The state of a pipelined batch of RETR or TOP commands: which numbers have
/// been asked for and which answers have been read.
struct RetrievalBatch {
    let part: POP3MessagePart
    let numbers: [Int]
    let maximumSize: Int
    /// How many commands have been sent (`numbers[..<sent]`).
    var sent = 0
    /// How many replies have been read (`numbers[..<read]`); never more than `sent`.
    var read = 0
}
