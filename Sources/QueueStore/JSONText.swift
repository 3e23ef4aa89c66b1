/// The bytes of a JSON document being written. Text written through
/// `TextOutputStream` lands escaped, as the inside of a JSON string, so a
/// value that describes itself piece by piece (a trace entry) goes into a
/// sidecar without being made into a `String` first.
///
/// Text is scanned eight bytes at a time and copied in runs: sidecar text
/// rarely needs escaping, and the store writes two records per message.
struct JSONText: TextOutputStream {
    private(set) var bytes: [UInt8]

    /// Empty, with room for `capacity` bytes.
    init(capacity: Int) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Appends `string` escaped: quotes, backslashes and control characters
    /// (DEL included) as `\"`, `\\`, `\n`, `\r`, `\t` or `\u00XX`; other text as UTF-8.
    mutating func write(_ string: String) {
        // Native and small strings lend their UTF-8 without a copy of the
        // String; only bridged ones (none in the store) take the slow way.
        if string.utf8.withContiguousStorageIfAvailable({ write(escaping: $0) }) == nil {
            var string = string
            string.withUTF8 { write(escaping: $0) }
        }
    }

    /// Appends a byte as it is: JSON punctuation.
    mutating func raw(_ byte: UInt8) {
        bytes.append(byte)
    }

    /// Appends `text` as it is: JSON punctuation, literals and names known
    /// to need no escaping.
    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends the decimal digits of `value`, without making a `String`.
    mutating func digits(_ value: Int64) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        DecimalDigits.append(value.magnitude, to: &bytes)
    }

    /// Appends `utf8` escaped, copying the runs between escapes in one piece.
    mutating func write(escaping utf8: UnsafeBufferPointer<UInt8>) {
        var start = 0
        var index = 0
        let whole = UnsafeRawBufferPointer(utf8)
        while index &+ 8 <= utf8.count {
            if Self.mayNeedEscape(whole.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                for position in index..<index &+ 8 where Self.needsEscape(utf8[position]) {
                    escape(utf8, from: &start, at: position)
                }
            }
            index &+= 8
        }
        for position in index..<utf8.count where Self.needsEscape(utf8[position]) {
            escape(utf8, from: &start, at: position)
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
    }

    /// Copies the run before `position`, then the escape of its byte.
    private mutating func escape(_ utf8: UnsafeBufferPointer<UInt8>, from start: inout Int, at position: Int) {
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<position]))
        let byte = utf8[position]
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        default:
            raw("u00")
            bytes.append(Self.hexDigit(byte >> 4))
            bytes.append(Self.hexDigit(byte & 0xF))
        }
        start = position + 1
    }

    static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    /// Whether any of the eight bytes in `word` may need escaping; never
    /// false when one does (the bit tricks of "Bit Twiddling Hacks": a byte
    /// below n, a byte equal to zero).
    static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func zeroByte(_ value: UInt64) -> UInt64 { (value &- ones) & ~value }
        let control = (word &- ones &* 0x20) & ~word
        let found = control | zeroByte(word ^ (ones &* 0x22)) | zeroByte(word ^ (ones &* 0x5C)) | zeroByte(word ^ (ones &* 0x7F))
        return found & highs != 0
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }
}
