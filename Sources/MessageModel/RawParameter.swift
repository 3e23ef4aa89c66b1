/// One `name=value` pair as written, before RFC 2231 sections are joined.
struct RawParameter {
    /// The name in lower case without any RFC 2231 suffix (`filename` for `FILENAME*0*`).
    var name: String
    /// The section number of an RFC 2231 continuation (`name*3`), nil for a whole value.
    var section: Int?
    /// Whether the name ends in `*`: the value is RFC 2231 percent-encoded.
    var isExtended: Bool
    /// The value with quoting removed, still percent- or RFC 2047-encoded.
    var value: String

    /// The most digits read as a section number; more is not a continuation a mailer wrote.
    static let maximumSectionDigits = 4

    /// Splits a parameter name as written (`FILENAME*0*`) into its parts.
    init(writtenName: UnsafeBufferPointer<UInt8>, value: String) {
        var end = writtenName.count
        isExtended = end > 0 && writtenName[end - 1] == UInt8(ascii: "*")
        if isExtended { end -= 1 }
        section = nil
        var digitsStart = end
        while digitsStart > 0, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(writtenName[digitsStart - 1]) {
            digitsStart -= 1
        }
        let digitCount = end - digitsStart
        if digitCount > 0, digitCount <= Self.maximumSectionDigits, digitsStart > 0,
            writtenName[digitsStart - 1] == UInt8(ascii: "*")
        {
            section = writtenName[digitsStart..<end].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
            end = digitsStart - 1
        }
        name = String(unsafeUninitializedCapacity: end) { buffer in
            for index in 0..<end {
                let byte = writtenName[index]
                buffer[index] = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
            }
            return end
        }
        self.value = value
    }
}
