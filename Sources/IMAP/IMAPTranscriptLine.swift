/// One line of the protocol exchange, for `enable-debug`.
///
/// Secrets never reach a transcript: the password of LOGIN and every
/// AUTHENTICATE payload appear as `<redacted>`; literals appear as
/// `<12345 bytes>` instead of their content.
public struct IMAPTranscriptLine: Sendable, Hashable, CustomStringConvertible {
    /// Who wrote the line.
    public enum Direction: Sendable, Hashable {
        /// The client, to the server.
        case sent
        /// The server, to the client.
        case received
    }

    /// Who wrote the line.
    public var direction: Direction
    /// The line without its CRLF, as UTF-8 (invalid bytes replaced), redacted.
    public var text: String

    /// A transcript line.
    public init(direction: Direction, text: String) {
        self.direction = direction
        self.text = text
    }

    /// `C: ` or `S: ` and the text.
    public var description: String { (direction == .sent ? "C: " : "S: ") + text }

    /// What replaces a secret.
    static let redacted = "<redacted>"

    /// What replaces a literal's content.
    static func literal(_ count: Int) -> String { "<\(count) bytes>" }
}
