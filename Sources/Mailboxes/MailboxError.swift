/// Why a mailbox could not be opened at all.
///
/// Thrown only for the mailbox path itself; trouble with one entry inside it
/// is a ``MailboxProblem`` and does not stop the reading.
public enum MailboxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Nothing exists at the path (or a link there leads nowhere).
    case notFound(path: String)
    /// The path exists but the system will not let it be read; `reason` is its
    /// own words (`strerror`), such as "Permission denied".
    case unreadable(path: String, reason: String)
    /// A directory with no `cur/` or `new/` subdirectory and no `.eml` file anywhere below it.
    case noMessagesFound(directory: String)
    /// The path is something no mailbox can be: a socket or a block device.
    /// `kind` says what it is.
    case unsupportedFileKind(path: String, kind: String)
    /// The format asked for cannot be read from what the path is, such as an
    /// mbox from a directory or a Maildir from a file or standard input.
    case formatMismatch(path: String, format: MailboxFormat, kind: String)

    /// One sentence for the person who must fix the path: what is wrong, and where.
    public var description: String {
        switch self {
        case .notFound(let path):
            return "mailbox not found: \(path) does not exist"
        case .unreadable(let path, let reason):
            return "cannot read mailbox \(path): \(reason)"
        case .noMessagesFound(let directory):
            return "not a mailbox: \(directory) has no cur/ or new/ and no .eml files"
        case .unsupportedFileKind(let path, let kind):
            return "not a mailbox: \(path) is \(kind); give an mbox or message file, "
                + "a Maildir, a directory of .eml files, or - for standard input"
        case .formatMismatch(let path, let format, let kind):
            return "not a mailbox: \(path) is \(kind), which cannot be read as \(format)"
        }
    }

    /// The error for a failed `open`, `stat` or `opendir` of the mailbox path.
    init(path: String, _ error: SystemError) {
        self = error.meansMissing ? .notFound(path: path) : .unreadable(path: path, reason: error.message)
    }
}
