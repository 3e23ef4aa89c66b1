/// Turns queue and ledger names (any text) into file names and back.
///
/// Letters, digits, `-` and `_` stay; every other byte becomes `%XX`, so the
/// result never holds `/`, `:` (a Maildir flag separator), `.` (Maildir name
/// parts, hidden files) or white space, and two names never give the same file name.
enum DirectoryName {
    /// The longest name, after escaping, that leaves room for the rest of a
    /// Maildir file name within the 255 bytes a file name may have.
    static let maximumLength = 120

    /// The file name for `name`, a `kind` (`queue`, `ledger`) for messages.
    static func escape(_ name: String, kind: String) throws(StoreError) -> String {
        guard !name.isEmpty else { throw .invalidName(kind: kind, name: name, reason: "it is empty") }
        var bytes: [UInt8] = []
        for byte in name.utf8 {
            if isKept(byte) {
                bytes.append(byte)
            } else {
                bytes += [UInt8(ascii: "%"), hexDigit(byte >> 4), hexDigit(byte & 0xF)]
            }
        }
        guard bytes.count <= maximumLength else {
            throw .invalidName(
                kind: kind, name: name,
                reason: "it takes \(bytes.count) bytes as a file name, more than the \(maximumLength) allowed")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The name a file name stands for; nil when it is not one `escape` makes.
    static func unescape(_ fileName: String) -> String? {
        var bytes: [UInt8] = []
        var iterator = fileName.utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    return nil
                }
                bytes.append(high << 4 | low)
            } else if isKept(byte) {
                bytes.append(byte)
            } else {
                return nil
            }
        }
        return bytes.isEmpty ? nil : String(validating: bytes, as: UTF8.self)
    }

    private static func isKept(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
            true
        default:
            false
        }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "A") + value - 10
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
