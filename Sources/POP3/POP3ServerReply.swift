/// A server's one-line answer to a command: `+OK` or `-ERR`, its response
/// code if any, and its text, kept so errors can quote the server.
public struct POP3ServerReply: Sendable, Hashable, CustomStringConvertible {
    /// Whether the server said `+OK`.
    public let isPositive: Bool
    /// The bracketed code that opened the text (RFC 2449), if any.
    public let code: POP3ResponseCode?
    /// The server's words after the status indicator and code, without the line end.
    public let text: String

    /// A reply from its parts.
    public init(isPositive: Bool, code: POP3ResponseCode?, text: String) {
        self.isPositive = isPositive
        self.code = code
        self.text = text
    }

    /// Parses a status line, with or without its line end; `nil` when it
    /// starts with neither `+OK` nor `-ERR` (RFC 1939 section 3: the
    /// indicators are upper case, but servers in the wild vary, so case is ignored).
    init?(line: some Collection<UInt8>) {
        var text = Substring(String(decoding: line, as: UTF8.self))
        while let last = text.last, last == "\r\n" || last == "\n" || last == "\r" { text.removeLast() }
        let upper = text.prefix(4).uppercased()
        if upper.hasPrefix("+OK") {
            isPositive = true
            text = text.dropFirst(3)
        } else if upper == "-ERR" {
            isPositive = false
            text = text.dropFirst(4)
        } else {
            return nil
        }
        // The indicator must stand alone: "+OKAY" is not a reply.
        guard text.isEmpty || text.first == " " else { return nil }
        text = text.drop { $0 == " " }
        if text.first == "[", let close = text.firstIndex(of: "]") {
            code = POP3ResponseCode(rawValue: String(text[text.index(after: text.startIndex)..<close]))
            text = text[text.index(after: close)...].drop { $0 == " " }
        } else {
            code = nil
        }
        self.text = String(text)
    }

    /// The reply as the server wrote it, such as `-ERR [AUTH] Authentication failed.`.
    public var description: String {
        var parts = [isPositive ? "+OK" : "-ERR"]
        if let code { parts.append(code.description) }
        if !text.isEmpty { parts.append(text) }
        return parts.joined(separator: " ")
    }
}
