/// Header field values as bytes a mail tool accepts: line breaks become
/// spaces (a value can never start a new field), and text outside ASCII is
/// written as RFC 2047 `=?UTF-8?B?...?=` words of at most 64 characters,
/// folded onto continuation lines.
enum HeaderValueEncoding {
    /// The bytes of `value` for a header field.
    static func encode(_ value: String, lineEnd: [UInt8]) -> [UInt8] {
        let flattened = value.utf8.map { $0 == 13 || $0 == 10 ? UInt8(ascii: " ") : $0 }
        guard flattened.contains(where: { $0 >= 0x80 }) else { return flattened }
        var output: [UInt8] = []
        var start = 0
        while start < flattened.count {
            // 39 bytes of text make 52 base64 characters: a 64-character word, which
            // leaves room on the first line for a field name of up to 12 characters.
            var end = min(start + 39, flattened.count)
            while end < flattened.count && end > start + 1 && flattened[end] & 0xC0 == 0x80 { end -= 1 }
            if !output.isEmpty { output += lineEnd + [UInt8(ascii: " ")] }
            output += Array("=?UTF-8?B?".utf8) + base64(flattened[start..<end]) + Array("?=".utf8)
            start = end
        }
        return output
    }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    private static func base64(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let count = min(3, bytes.endIndex - index)
            var group: UInt32 = 0
            for offset in 0..<3 { group = group << 8 | UInt32(offset < count ? bytes[index + offset] : 0) }
            for position in 0..<4 {
                output.append(position <= count ? alphabet[Int(group >> (18 - 6 * UInt32(position)) & 0x3F)] : UInt8(ascii: "="))
            }
            index += count
        }
        return output
    }
}
