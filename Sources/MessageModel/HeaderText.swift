/// Byte-level helpers for header values.
enum HeaderText {
    /// Removes CR and LF bytes (keeping the white space that follows a fold),
    /// trims white space at both ends and reads the rest as UTF-8.
    static func unfold(_ raw: ArraySlice<UInt8>) -> String {
        var start = raw.startIndex
        var end = raw.endIndex
        while start < end, isWhitespace(raw[start]) { start += 1 }
        while end > start, isWhitespace(raw[end - 1]) { end -= 1 }
        let trimmed = raw[start..<end]
        if !trimmed.contains(where: { $0 == 0x0D || $0 == 0x0A }) {
            return String(decoding: trimmed, as: UTF8.self)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(trimmed.count)
        for byte in trimmed where byte != 0x0D && byte != 0x0A {
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }

    static func hasInvalidUTF8(_ raw: ArraySlice<UInt8>) -> Bool {
        guard raw.contains(where: { $0 >= 0x80 }) else { return false }
        var iterator = raw.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return false
            case .error: return true
            }
        }
    }
}
