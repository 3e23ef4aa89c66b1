/// A message flag (RFC 3501 2.3.2): a system flag such as `\Seen`, or a keyword.
public struct IMAPFlag: Sendable, Hashable, CustomStringConvertible {
    /// The flag as IMAP writes it, such as `\Seen`.
    public let name: String

    /// A flag by name; keywords must be IMAP atoms (no spaces, parentheses,
    /// quotes, `%`, `*`, `]` or `{`).
    public init(_ name: String) { self.name = name }

    /// The message has been read.
    public static let seen = IMAPFlag("\\Seen")
    /// The message is marked for removal by the next EXPUNGE.
    public static let deleted = IMAPFlag("\\Deleted")
    /// The message has been answered.
    public static let answered = IMAPFlag("\\Answered")
    /// The message is flagged for attention.
    public static let flagged = IMAPFlag("\\Flagged")

    /// Whether `flags` (as FETCH returns them) hold this flag, compared without regard to case.
    public func isIn(_ flags: [String]) -> Bool {
        flags.contains { $0.lowercased() == name.lowercased() }
    }

    /// The flag's name.
    public var description: String { name }
}
