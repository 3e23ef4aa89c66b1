import Network

/// One command to send, built from parts so that the client can wait for
/// the server's `+` before synchronizing literals and AUTHENTICATE
/// responses, and so that secrets can be told apart for the transcript.
struct IMAPCommand {
    /// A piece of the command line.
    enum Part {
        /// Bytes sent as they are; `secret` ones show as `<redacted>`.
        case text([UInt8], secret: Bool)
        /// A string sent as a literal (`{n}` CRLF bytes).
        case literal([UInt8], secret: Bool)
        /// A line sent after the server's next `+` (an AUTHENTICATE response); always secret.
        case afterContinuation([UInt8])
    }

    /// The parts, starting with the command name.
    private(set) var parts: [Part]
    /// The command for error messages, with secrets as `<redacted>`.
    private(set) var summary: String

    /// A command starting with `name` (`SELECT`, `UID FETCH`).
    init(_ name: String) {
        parts = [.text(Array(name.utf8), secret: false)]
        summary = name
    }

    /// Appends a space and `atom` as it is (numbers, sets, item lists, flags).
    mutating func add(_ atom: String, secret: Bool = false) {
        parts.append(.text(Array((" " + atom).utf8), secret: secret))
        summary += " " + (secret ? TranscriptLine.redacted : atom)
    }

    /// Appends a space and `value` as a quoted string, or as a literal when
    /// it holds bytes a quoted string cannot (8-bit, CR, LF, NUL).
    mutating func addString(_ value: String, secret: Bool = false) {
        let bytes = Array(value.utf8)
        if bytes.allSatisfy({ $0 > 0 && $0 < 0x80 && $0 != ASCII.cr && $0 != ASCII.lf }) {
            var quoted: [UInt8] = [ASCII.space, ASCII.quote]
            for byte in bytes {
                if byte == ASCII.quote || byte == ASCII.backslash { quoted.append(ASCII.backslash) }
                quoted.append(byte)
            }
            quoted.append(ASCII.quote)
            parts.append(.text(quoted, secret: secret))
            summary += secret ? " " + TranscriptLine.redacted : String(decoding: quoted, as: UTF8.self)
        } else {
            parts.append(.text([ASCII.space], secret: false))
            parts.append(.literal(bytes, secret: secret))
            summary += " " + (secret ? TranscriptLine.redacted : "{\(bytes.count)}")
        }
    }

    /// Appends a line to send when the server asks with `+`.
    mutating func addAfterContinuation(_ bytes: [UInt8]) {
        parts.append(.afterContinuation(bytes))
    }
}
