/// Windows-1252 without iconv: the reading of ISO-8859-1 mail, and the
/// fallback for 8-bit bytes that are not UTF-8.
///
/// Follows the WHATWG Encoding Standard: 0x80-0x9F are the Windows
/// punctuation (curly quotes, dashes, the euro sign), and the five bytes
/// Windows leaves unassigned stay the C1 controls ISO-8859-1 gives them, so
/// every byte has a character and decoding never fails.
enum Windows1252 {
    /// The characters of 0x80-0x9F; the rest of the bytes are their own code point.
    private static let high: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if ByteScan.isASCII(bytes) { return String(decoding: bytes, as: UTF8.self) }
        let high = Self.high
        // No byte takes more than three UTF-8 bytes.
        return String(unsafeUninitializedCapacity: bytes.count * 3) { output in
            var count = 0
            for byte in bytes {
                if byte < 0x80 {
                    output[count] = byte
                    count += 1
                    continue
                }
                let scalar = byte < 0xA0 ? high[Int(byte &- 0x80)] : UInt16(byte)
                if scalar < 0x800 {
                    output[count] = UInt8(0xC0 | (scalar >> 6))
                    output[count + 1] = UInt8(0x80 | (scalar & 0x3F))
                    count += 2
                } else {
                    output[count] = UInt8(0xE0 | (scalar >> 12))
                    output[count + 1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
                    output[count + 2] = UInt8(0x80 | (scalar & 0x3F))
                    count += 3
                }
            }
            return count
        }
    }
}
