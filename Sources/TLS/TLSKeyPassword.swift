/// The password of an encrypted private key file.
///
/// Kept out of sight: its description, debug description and reflection show
/// only `<redacted>`, so logging a configuration or an error never reveals it.
public struct TLSKeyPassword: Sendable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The password's bytes, as OpenSSL wants them (UTF-8).
    let bytes: [UInt8]

    /// Wraps a password.
    public init(_ password: String) {
        bytes = Array(password.utf8)
    }

    /// `<redacted>`.
    public var description: String { "<redacted>" }
    /// `<redacted>`.
    public var debugDescription: String { "<redacted>" }
    /// A mirror without children, so `dump` shows nothing of the password.
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
