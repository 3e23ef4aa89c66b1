import Network

/// One command line as sent, and the form of it that may be shown.
///
/// The client sends no AUTH command (USER/PASS and APOP only), so the only
/// secrets that could be shown are the PASS argument and the APOP digest.
///
/// Secrets never reach ``shown``: it is built alongside the wire bytes by
/// the constructor that knows which argument is secret, rather than by
/// scanning the line afterwards, so transcripts and errors can use it freely.
struct POP3Command {
    /// The line as sent, ending in CRLF.
    let bytes: [UInt8]
    /// The line for transcripts and error messages, without its line end.
    let shown: String

    private init(wire: String, shown: String) {
        self.bytes = Array((wire + "\r\n").utf8)
        self.shown = shown
    }

    /// A command with no secret in it, such as `RETR 12`.
    init(_ text: String) {
        self.init(wire: text, shown: text)
    }

    /// `PASS password`, shown as `PASS <redacted>`.
    static func pass(_ password: String) -> POP3Command {
        POP3Command(wire: "PASS " + password, shown: "PASS " + TranscriptLine.redacted)
    }

    /// `APOP user digest`, shown with the digest redacted: the digest with the
    /// greeting's timestamp is enough for an offline guess of the password.
    static func apop(user: String, digest: String) -> POP3Command {
        POP3Command(wire: "APOP \(user) \(digest)", shown: "APOP \(user) \(TranscriptLine.redacted)")
    }
}
