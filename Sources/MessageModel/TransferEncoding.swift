/// The Content-Transfer-Encoding of a part (RFC 2045 section 6).
public enum TransferEncoding: Sendable, Hashable, CustomStringConvertible {
    case sevenBit
    case eightBit
    case binary
    case base64
    case quotedPrintable
    /// A value mailroute does not know (`x-uuencode`, `8bits`, ...); the body is kept as it is.
    case unknown(String)

    /// Reads a field value, case-insensitively, accepting the common misspellings
    /// real mail has (`7-bit`, `8bits`, `base-64`).
    public init(fieldValue: String) {
        self.init(name: Self.name(in: fieldValue))
    }

    /// ``init(fieldValue:)`` of the value's UTF-8 bytes.
    init(fieldValue bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            self.init(fieldValue: String(decoding: bytes, as: UTF8.self))
            return
        }
        self.init(name: Self.asciiName(in: bytes))
    }

    private init(name: String) {
        switch name {
        case "7bit", "7-bit", "": self = .sevenBit
        case "8bit", "8-bit", "8bits": self = .eightBit
        case "binary": self = .binary
        case "base64", "base-64": self = .base64
        case "quoted-printable": self = .quotedPrintable
        default: self = .unknown(name)
        }
    }

    /// The value up to any `;`, trimmed and in lower case; byte by byte for
    /// ASCII, the usual case, by characters otherwise.
    private static func name(in fieldValue: String) -> String {
        var contiguous = fieldValue
        let ascii: String? = contiguous.withUTF8 { bytes in
            bytes.allSatisfy({ $0 < 0x80 }) ? asciiName(in: bytes) : nil
        }
        if let ascii { return ascii }
        var token = Substring(fieldValue)
        if let semicolon = token.firstIndex(of: ";") { token = token[..<semicolon] }
        return token.trimmingWhitespace().lowercased()
    }

    /// The name in an ASCII value: up to any `;`, trimmed, in lower case.
    private static func asciiName(in bytes: UnsafeBufferPointer<UInt8>) -> String {
        let token = UnsafeBufferPointer(rebasing: bytes[..<(bytes.firstIndex(of: UInt8(ascii: ";")) ?? bytes.count)])
        return ASCIICase.lowercased(MIMEParser.trimmed(token))
    }

    public var description: String {
        switch self {
        case .sevenBit: return "7bit"
        case .eightBit: return "8bit"
        case .binary: return "binary"
        case .base64: return "base64"
        case .quotedPrintable: return "quoted-printable"
        case .unknown(let name): return name
        }
    }
}

extension StringProtocol {
    /// The text without spaces, tabs, CR and LF at either end.
    func trimmingWhitespace() -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }
        guard let first = firstIndex(where: { !isSpace($0) }) else { return Substring() }
        let last = lastIndex(where: { !isSpace($0) })!
        return Substring(self[first...last])
    }
}
