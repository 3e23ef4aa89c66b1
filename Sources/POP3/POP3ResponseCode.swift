/// An extended response code (RFC 2449 section 8, RFC 3206): the bracketed
/// word a server puts first in a reply's text, such as `[IN-USE]`, so a
/// client can tell a busy mailbox from a wrong password without parsing prose.
///
/// Codes are hierarchical (`SYS/TEMP`); the raw value is upper-cased and
/// kept whole, so codes this type does not name are still compared exactly.
public struct POP3ResponseCode: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    /// The code without its brackets, upper-cased, such as `SYS/TEMP`.
    public let rawValue: String

    /// Any code; `rawValue` is upper-cased.
    public init(rawValue: String) {
        self.rawValue = rawValue.uppercased()
    }

    /// Another session holds the maildrop lock (RFC 2449): try again later.
    public static let inUse = POP3ResponseCode(rawValue: "IN-USE")
    /// The server enforces a delay between logins (RFC 2449): try again later.
    public static let loginDelay = POP3ResponseCode(rawValue: "LOGIN-DELAY")
    /// A temporary server problem (RFC 3206): try again later.
    public static let temporarySystemError = POP3ResponseCode(rawValue: "SYS/TEMP")
    /// A permanent server problem (RFC 3206) that needs its administrator.
    public static let permanentSystemError = POP3ResponseCode(rawValue: "SYS/PERM")
    /// The credentials were refused (RFC 3206): the mailbox's login or password is wrong.
    public static let authentication = POP3ResponseCode(rawValue: "AUTH")

    /// Whether the code says the same command may succeed later without anyone changing anything.
    public var isTransient: Bool {
        self == .inUse || self == .loginDelay || rawValue.hasPrefix("SYS/TEMP")
    }

    /// The code in brackets, as the server sent it.
    public var description: String { "[\(rawValue)]" }
}
