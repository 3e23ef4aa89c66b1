/// Why a mailbox's password could not be had when it was needed. Every case
/// names the mailbox and the file or variable; none carries the password.
public enum PasswordError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The password file could not be opened or read; `reason` is the system's.
    case unreadableFile(mailbox: String, path: String, reason: String)
    /// The password file is larger than a password can be.
    case fileTooLarge(mailbox: String, path: String, limit: Int)
    /// The password file is not UTF-8 text.
    case notText(mailbox: String, path: String)
    /// The password file is empty (or holds only a line break).
    case emptyFile(mailbox: String, path: String)
    /// The environment variable is not set.
    case variableNotSet(mailbox: String, variable: String)
    /// The environment variable is set but empty.
    case emptyVariable(mailbox: String, variable: String)

    /// What went wrong and how to fix it, in one line.
    public var description: String {
        switch self {
        case .unreadableFile(let mailbox, let path, let reason):
            "mailbox \"\(mailbox)\": cannot read the password file \(path): \(reason)"
        case .fileTooLarge(let mailbox, let path, let limit):
            "mailbox \"\(mailbox)\": the password file \(path) is larger than \(limit) bytes; "
                + "it should hold the password and nothing else"
        case .notText(let mailbox, let path):
            "mailbox \"\(mailbox)\": the password file \(path) is not UTF-8 text"
        case .emptyFile(let mailbox, let path):
            "mailbox \"\(mailbox)\": the password file \(path) is empty"
        case .variableNotSet(let mailbox, let variable):
            "mailbox \"\(mailbox)\": the environment variable \(variable), which should hold its password, is not set"
        case .emptyVariable(let mailbox, let variable):
            "mailbox \"\(mailbox)\": the environment variable \(variable), which should hold its password, is empty"
        }
    }
}
