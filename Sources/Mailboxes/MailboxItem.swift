/// What a mailbox reader yields: a message, or a problem with one entry.
///
/// A broken entry does not stop the reading: it is reported in its place in
/// the sequence and the reader goes on to the next one.
public enum MailboxItem: Sendable {
    /// A message that was read.
    case message(MailboxEntry)
    /// An entry that could not be read as a message; the reading goes on after it.
    case problem(MailboxProblem)

    /// Where the message or the problem was found.
    public var position: SourcePosition {
        switch self {
        case .message(let entry): entry.position
        case .problem(let problem): problem.position
        }
    }
}
