/// Where a mailbox's password comes from: written in the configuration, or
/// read when the mailbox is polled from a file or an environment variable,
/// so that the configuration itself need hold no secret.
///
/// Its description says where the password is, never what it is.
public enum PasswordSource: Sendable, Hashable, CustomStringConvertible {
    /// Written in the configuration (`password="..."`).
    case inline(Secret)
    /// The contents of this file (`<password file="..."/>`), path resolved
    /// against the configuration file's directory.
    case file(String)
    /// The value of this environment variable (`<password env="..."/>`).
    case environmentVariable(String)

    /// `an inline password`, `the file PATH` or `the environment variable NAME`.
    public var description: String {
        switch self {
        case .inline: "an inline password"
        case .file(let path): "the file \(path)"
        case .environmentVariable(let name): "the environment variable \(name)"
        }
    }
}
