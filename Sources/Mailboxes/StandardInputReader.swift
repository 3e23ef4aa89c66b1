import Glibc

/// Reads standard input (or another stream that can only be read once, such
/// as a pipe): as an mbox if it starts with `From `, otherwise as one message.
///
/// The choice is made on the first five bytes, the same rule as for files, so
/// `cat inbox.mbox | mailroute -` and `cat message.eml | mailroute -` both work.
/// An mbox is streamed (see ``MboxReader``); a single message is read whole.
/// Positions name the stream `-`, shown as `<stdin>`.
public final class StandardInputReader: MailboxReader {
    /// How to cut the stream into messages.
    public enum Framing: Sendable, Hashable {
        /// An mbox if the stream starts with `From `, otherwise one message.
        case detect
        /// Always an mbox: text before the first `From ` line is a problem.
        case mbox
        /// Always one message (a leading `From ` line goes to the envelope sender).
        case singleMessage
    }

    private enum State {
        case unread(BufferedInput)
        case mbox(MboxReader)
        case finished
    }

    private let mailbox: String
    private let framing: Framing
    private let limit: Int
    private var state: State

    /// Reads from `fileDescriptor`, which is left open. Nothing is read until
    /// the first call to `next()`. A message larger than `maximumMessageSize`
    /// bytes is reported, not held in memory.
    public convenience init(
        fileDescriptor: Int32 = STDIN_FILENO, framing: Framing = .detect,
        maximumMessageSize: Int = Mailbox.defaultMaximumMessageSize
    ) {
        self.init(
            descriptor: FileDescriptor(borrowing: fileDescriptor), mailbox: "-", framing: framing,
            maximumMessageSize: maximumMessageSize)
    }

    init(descriptor: FileDescriptor, mailbox: String, framing: Framing, maximumMessageSize: Int) {
        self.mailbox = mailbox
        limit = maximumMessageSize
        self.framing = framing
        state = .unread(BufferedInput(descriptor))
    }

    /// The next message or problem, or nil once the stream has been read to its end.
    public func next() -> MailboxItem? {
        switch state {
        case .finished:
            return nil
        case .mbox(let reader):
            return reader.next()
        case .unread(let input):
            let isMbox = switch framing {
            case .detect: input.startsWithEnvelopeLine()
            case .mbox: true
            case .singleMessage: false
            }
            if isMbox {
                let reader = MboxReader(input: input, mailbox: mailbox, maximumMessageSize: limit)
                state = .mbox(reader)
                return reader.next()
            }
            state = .finished
            let position = SourcePosition(mailbox: mailbox, index: 1, location: .file(mailbox))
            guard let bytes = input.consumeAll(limit: limit) else {
                return .problem(MailboxProblem(position: position, reason: .tooLarge(limit: limit)))
            }
            if let failure = input.failure {
                return .problem(MailboxProblem(position: position, reason: .unreadable(reason: failure.message)))
            }
            return SingleMessage.item(bytes, at: position)
        }
    }
}
