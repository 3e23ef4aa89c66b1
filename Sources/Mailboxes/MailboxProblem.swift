/// An entry of a mailbox that could not be read as a message, and why.
///
/// Problems are reported in reading order, between the messages; the reader
/// carries on after each one unless its ``Reason`` says the reading stopped.
public struct MailboxProblem: Sendable, Hashable, CustomStringConvertible {
    /// What was wrong, with the details someone needs to repair the mailbox.
    public enum Reason: Error, Sendable, Hashable, CustomStringConvertible {
        /// An mbox did not start with a `From ` line; the text up to the first
        /// one was skipped.
        case textBeforeFirstMessage(byteCount: Int, lineCount: Int)
        /// An mbox `From ` line followed directly by another one or by the end,
        /// or a message file holding nothing but a `From ` line.
        case emptyMessage
        /// A message file with no bytes at all.
        case emptyFile
        /// A name inside a Maildir or message directory that is not a regular
        /// file; `kind` says what it is ("a directory", "a symbolic link").
        /// Links inside a mailbox are not followed, so a mailbox cannot make
        /// mailroute read files outside it.
        case notARegularFile(kind: String)
        /// A message larger than the reader's limit (see
        /// ``Mailbox/defaultMaximumMessageSize``); it is skipped without being
        /// held in memory.
        case tooLarge(limit: Int)
        /// The system refused to open, list or read it; `reason` is its own
        /// words (`strerror`). In an mbox or on standard input the reading stops here.
        case unreadable(reason: String)

        /// What was wrong, as a sentence for a person.
        public var description: String {
            switch self {
            case .textBeforeFirstMessage(let bytes, let lines):
                let lineWord = lines == 1 ? "line" : "lines"
                return "\(bytes) bytes (\(lines) \(lineWord)) before the first \"From \" line, skipped: "
                    + "an mbox starts with a \"From \" line"
            case .emptyMessage:
                return "empty message: its \"From \" line is followed by no message"
            case .emptyFile:
                return "empty file: there is no message to read"
            case .notARegularFile(let kind):
                return "skipped: \(kind), not a regular file (links inside a mailbox are not followed)"
            case .tooLarge(let limit):
                return "skipped: the message is larger than \(limit) bytes, the most a reader takes"
            case .unreadable(let reason):
                return "cannot read: \(reason)"
            }
        }
    }

    /// Where the problem was found.
    public var position: SourcePosition
    /// What was wrong.
    public var reason: Reason

    /// A problem at `position`; readers make these, tests and other sources may too.
    public init(position: SourcePosition, reason: Reason) {
        self.position = position
        self.reason = reason
    }

    /// `inbox.mbox:1 (before message 1): 312 bytes (7 lines) before ...`
    public var description: String { "\(position): \(reason)" }
}
