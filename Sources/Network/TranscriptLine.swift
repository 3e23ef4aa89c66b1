/// One line of a mail protocol exchange (POP3 or IMAP), for `enable-debug`
/// logs.
///
/// The clients build lines that are already safe to print: passwords, APOP
/// digests and AUTHENTICATE payloads read ``redacted``, and the content of a
/// message or literal is summarised as its size (``content(_:)``).
public struct TranscriptLine: Sendable, Hashable, CustomStringConvertible {
    /// Which way a line went.
    public enum Direction: Sendable, Hashable {
        /// From mailroute to the server.
        case sent
        /// From the server to mailroute.
        case received
    }

    /// Which way the line went.
    public let direction: Direction
    /// The line without its line end, as UTF-8 (invalid bytes replaced), redacted or summarised.
    public let text: String

    /// A transcript line.
    public init(_ direction: Direction, _ text: String) {
        self.direction = direction
        self.text = text
    }

    /// The line prefixed with `C: ` (sent) or `S: ` (received), as RFCs write exchanges.
    public var description: String { (direction == .sent ? "C: " : "S: ") + text }

    /// What replaces a secret.
    public static let redacted = "<redacted>"

    /// What replaces the content of a message or literal of `count` bytes.
    public static func content(_ count: Int) -> String { "<\(count) bytes>" }
}
