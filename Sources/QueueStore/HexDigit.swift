/// Upper-case hexadecimal digits, for the `%XX` escapes of directory names
/// and journal fields.
enum HexDigit {
    /// The digit for a value below 16.
    static func character(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "A") + value - 10
    }

    /// The value of an upper-case digit; nil for anything else.
    static func value(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// `%XX` for `byte`.
    static func escape(_ byte: UInt8) -> [UInt8] {
        [UInt8(ascii: "%"), character(byte >> 4), character(byte & 0xF)]
    }
}
