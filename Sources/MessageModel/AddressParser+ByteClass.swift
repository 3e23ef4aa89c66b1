extension AddressParser {
    /// What a byte begins in an address field.
    ///
    /// The tokenizer classifies every byte of a field, so the answer is read
    /// from a table built once rather than worked out by a chain of tests.
    enum ByteClass {
        case whitespace
        case commentStart
        case quote
        case domainLiteralStart
        /// `atext`, or any byte of a UTF-8 sequence (RFC 6532).
        case atom
        case special(Token.Kind)
        case junk
    }

    /// The class of each of the 256 byte values.
    static let byteClasses: [ByteClass] = (0...255).map { value in
        let byte = UInt8(value)
        if HeaderText.isWhitespace(byte) { return .whitespace }
        if byte >= 0x80 || AddressCharacters.isAtext(byte) { return .atom }
        switch Unicode.Scalar(byte) {
        case "(": return .commentStart
        case "\"": return .quote
        case "[": return .domainLiteralStart
        case ".": return .special(.dot)
        case "@": return .special(.at)
        case ",": return .special(.comma)
        case ";": return .special(.semicolon)
        case ":": return .special(.colon)
        case "<": return .special(.openAngle)
        case ">": return .special(.closeAngle)
        default: return .junk
        }
    }

    /// Whether `byte` is of class ``ByteClass/atom``, found without the table,
    /// which the tokenizer asks of every byte of every atom.
    static func isAtomByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || AddressCharacters.isAtext(byte)
    }

    /// The class of `byte`.
    static func byteClass(_ byte: UInt8) -> ByteClass {
        byteClasses[Int(byte)]
    }
}
