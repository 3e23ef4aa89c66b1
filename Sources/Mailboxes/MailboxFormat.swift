/// The kinds of mailbox mailroute reads, for forcing a format that detection
/// would not choose (see ``Mailbox/open(_:as:)``).
public enum MailboxFormat: Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// One file of messages separated by `From ` lines (mboxo or mboxrd).
    case mbox
    /// A Maildir: one file per message in `cur/` and `new/`.
    case maildir
    /// A directory tree of `.eml` files, one message each.
    case messageDirectory
    /// One file holding one message.
    case messageFile

    /// The format's name with an article, for sentences: "an mbox".
    public var description: String {
        switch self {
        case .mbox: "an mbox"
        case .maildir: "a Maildir"
        case .messageDirectory: "a directory of .eml files"
        case .messageFile: "a single message"
        }
    }
}
