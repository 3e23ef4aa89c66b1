/// The bytes of IMAP's grammar, and byte classes the reader needs.
enum ASCII {
    static let cr = UInt8(ascii: "\r")
    static let lf = UInt8(ascii: "\n")
    static let space = UInt8(ascii: " ")
    static let quote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")
    static let openParen = UInt8(ascii: "(")
    static let closeParen = UInt8(ascii: ")")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
    static let lessThan = UInt8(ascii: "<")
    static let greaterThan = UInt8(ascii: ">")
    static let plus = UInt8(ascii: "+")
    static let star = UInt8(ascii: "*")
    static let crlf: [UInt8] = [cr, lf]

    /// Whether `byte` ends an atom-like word: space, parentheses, brackets,
    /// braces, a quote or a control character.
    static func endsWord(_ byte: UInt8) -> Bool {
        byte <= space || byte == openParen || byte == closeParen || byte == openBracket
            || byte == closeBracket || byte == openBrace || byte == quote || byte == 0x7F
    }

    /// The value of a decimal digit, or nil.
    static func digit(_ byte: UInt8) -> UInt8? {
        byte >= 0x30 && byte <= 0x39 ? byte - 0x30 : nil
    }

    /// `byte` upper-cased if it is an ASCII letter.
    static func upper(_ byte: UInt8) -> UInt8 {
        byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte
    }
}
