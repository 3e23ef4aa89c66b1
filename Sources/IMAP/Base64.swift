/// Base64 encoding for SASL payloads (RFC 4648) and, with its own
/// alphabet and no padding, for modified UTF-7 mailbox names (RFC 3501 5.1.3).
enum Base64 {
    /// The standard alphabet.
    static let standard = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    /// The mailbox-name alphabet: `,` instead of `/`.
    static let mailbox = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,".utf8)

    /// `bytes` encoded with `alphabet`, padded with `=` when `padded`.
    static func encode(_ bytes: [UInt8], alphabet: [UInt8] = standard, padded: Bool = true) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let remaining = bytes.count - index
            let first = UInt32(bytes[index])
            let second = remaining > 1 ? UInt32(bytes[index + 1]) : 0
            let third = remaining > 2 ? UInt32(bytes[index + 2]) : 0
            let group = first << 16 | second << 8 | third
            let produced = min(remaining, 3) + 1
            for position in 0..<4 {
                if position < produced {
                    output.append(alphabet[Int(group >> UInt32(18 - 6 * position) & 63)])
                } else if padded {
                    output.append(UInt8(ascii: "="))
                }
            }
            index += 3
        }
        return output
    }

    /// `text` decoded with `alphabet` (no padding expected), or nil if a
    /// character is outside it or the length cannot be base64.
    static func decode(_ text: ArraySlice<UInt8>, alphabet: [UInt8]) -> [UInt8]? {
        var output: [UInt8] = []
        var group: UInt32 = 0
        var bits = 0
        for character in text {
            guard let value = alphabet.firstIndex(of: character) else { return nil }
            group = group << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: group >> UInt32(bits)))
            }
        }
        return bits >= 6 ? nil : output
    }
}
