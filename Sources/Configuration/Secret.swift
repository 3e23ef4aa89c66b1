/// A password or token that must never be shown: printing, interpolating,
/// dumping or reflecting it gives `<redacted>`, so a secret that ends up in a
/// log line, an error or a test failure does not leak.
///
/// The only way to the text is ``reveal()``, to be called where the secret
/// is sent to a server, and nowhere else.
public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    private let value: String

    /// Wraps `value`.
    public init(_ value: String) {
        self.value = value
    }

    /// The secret itself.
    public func reveal() -> String {
        value
    }

    /// `<redacted>`.
    public var description: String { "<redacted>" }

    /// `<redacted>`.
    public var debugDescription: String { "<redacted>" }

    /// A mirror without children, so `dump` and reflection see nothing.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
