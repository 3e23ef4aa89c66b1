/// Escapes journal fields so that a line splits back into the same fields:
/// `%`, space, control characters and DEL become `%XX`; an empty field is `%-`.
/// Other bytes, UTF-8 included, stay as they are, so the journal reads as text.
enum JournalField {
    /// Appends the escaped form of `field` to `bytes`; a field with nothing
    /// to escape (the usual case) is copied in one piece.
    static func append(_ field: String, to bytes: inout [UInt8]) {
        guard !field.isEmpty else { return bytes.append(contentsOf: "%-".utf8) }
        var field = field
        field.withUTF8 { utf8 in
            guard utf8.contains(where: needsEscape) else { return bytes.append(contentsOf: utf8) }
            for byte in utf8 {
                if needsEscape(byte) { bytes += HexDigit.escape(byte) } else { bytes.append(byte) }
            }
        }
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte <= 0x20 || byte == 0x7F || byte == UInt8(ascii: "%")
    }

    /// The field an escaped form stands for; nil when it is malformed.
    static func unescape(_ bytes: ArraySlice<UInt8>) -> String? {
        if bytes.elementsEqual("%-".utf8) { return "" }
        guard bytes.contains(UInt8(ascii: "%")) else { return String(decoding: bytes, as: UTF8.self) }
        var output: [UInt8] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "%") {
                guard index + 2 < bytes.endIndex, let high = HexDigit.value(bytes[index + 1]),
                    let low = HexDigit.value(bytes[index + 2])
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
