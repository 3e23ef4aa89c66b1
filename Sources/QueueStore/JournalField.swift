/// Escapes journal fields so that a line splits back into the same fields:
/// `%`, space, control characters and DEL become `%XX`; an empty field is `%-`.
/// Other bytes, UTF-8 included, stay as they are, so the journal reads as text.
enum JournalField {
    /// The escaped form of `field`.
    static func escape(_ field: String) -> [UInt8] {
        guard !field.isEmpty else { return Array("%-".utf8) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(field.utf8.count)
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in field.utf8 {
            if byte <= 0x20 || byte == 0x7F || byte == UInt8(ascii: "%") {
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            } else {
                bytes.append(byte)
            }
        }
        return bytes
    }

    /// The field an escaped form stands for; nil when it is malformed.
    static func unescape(_ bytes: ArraySlice<UInt8>) -> String? {
        if bytes.elementsEqual("%-".utf8) { return "" }
        guard bytes.contains(UInt8(ascii: "%")) else { return String(decoding: bytes, as: UTF8.self) }
        var output: [UInt8] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "%") {
                guard index + 2 < bytes.endIndex, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
                else { return nil }
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// The escaped fields of a line, separated by spaces, with the newline.
    static func line(_ fields: [String]) -> [UInt8] {
        var bytes: [UInt8] = []
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: " ")) }
            bytes += escape(field)
        }
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    /// The unescaped fields of a line (without its newline); nil when one is malformed.
    static func fields(of line: ArraySlice<UInt8>) -> [String]? {
        var fields: [String] = []
        for part in line.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false) {
            guard let field = unescape(part) else { return nil }
            fields.append(field)
        }
        return fields
    }
}
