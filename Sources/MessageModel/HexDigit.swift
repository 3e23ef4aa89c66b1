/// The value of a hexadecimal digit, as quoted-printable, Q encoded words and
/// RFC 2231 percent escapes all write bytes.
enum HexDigit {
    /// 0 to 15 for `0`-`9`, `A`-`F` and `a`-`f`; nil for any other byte.
    static func value(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        default: return nil
        }
    }
}
