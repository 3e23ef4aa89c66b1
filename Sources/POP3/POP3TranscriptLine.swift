/// One line of a POP3 conversation, for `enable-debug` logs.
///
/// Lines are already safe to print: passwords, APOP digests and AUTH
/// payloads read `<redacted>`, and a message's content is summarised as its
/// size (`<20480 bytes>`) instead of being printed.
public struct POP3TranscriptLine: Sendable, Hashable, CustomStringConvertible {
    /// Which way a line went.
    public enum Direction: Sendable, Hashable {
        /// From mailroute to the server.
        case sent
        /// From the server to mailroute.
        case received
    }

    /// Which way the line went.
    public let direction: Direction
    /// The line without its line end, redacted or summarised as described above.
    public let text: String

    /// A transcript line.
    public init(_ direction: Direction, _ text: String) {
        self.direction = direction
        self.text = text
    }

    /// The line prefixed with `C: ` (sent) or `S: ` (received), as RFCs write exchanges.
    public var description: String { (direction == .sent ? "C: " : "S: ") + text }
}

/// Receives each ``POP3TranscriptLine`` as it is sent or received, on the
/// thread that uses the client.
public typealias POP3Transcript = (POP3TranscriptLine) -> Void
