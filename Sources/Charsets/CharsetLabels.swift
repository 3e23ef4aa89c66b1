/// MIME charset labels as mail carries them, mapped to how mailroute decodes them.
///
/// Labels are compared after ``key(_:)`` folds case and drops separators, so
/// `ISO_8859-1`, `iso-8859-1` and `iso8859-1` are one label. Where senders
/// commonly mislabel a superset as its subset, the label maps to the superset,
/// as mail clients and the WHATWG Encoding Standard do: GB2312 is read as
/// GB18030, Shift_JIS as Windows-31J (CP932), EUC-KR as CP949, Big5 as
/// Big5-HKSCS, ISO-8859-9 as Windows-1254 and TIS-620 as Windows-874.
enum CharsetLabels {
    /// The longest label accepted; longer ones are not charset names, and
    /// iconv copies the name to the stack, so a hostile length must never reach it.
    static let maximumLength = 64

    /// The lookup key of a label: lower case, without `-`, `_`, `.`, spaces,
    /// surrounding quotes; nil when it holds characters no charset name has.
    static func key(_ label: String) -> String? {
        var key: [UInt8] = []
        key.reserveCapacity(min(label.utf8.count, maximumLength))
        for byte in label.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): key.append(byte | 0x20)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: ":"):
                key.append(byte)
            case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: " "),
                UInt8(ascii: "\t"), UInt8(ascii: "\""), UInt8(ascii: "'"):
                continue
            default:
                return nil
            }
            if key.count > maximumLength { return nil }
        }
        return String(decoding: key, as: UTF8.self)
    }

    /// The name to give iconv for a label the table does not know: the label
    /// itself, trimmed, when it is short and made only of name characters.
    static func iconvName(_ label: String) -> String? {
        let trimmed = label.utf8.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x22 }
        var name = Array(trimmed)
        while let last = name.last, last == 0x20 || last == 0x09 || last == 0x22 { name.removeLast() }
        guard !name.isEmpty, name.count <= maximumLength else { return nil }
        let allowed = name.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
                UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: "+"):
                return true
            default:
                return false
            }
        }
        return allowed ? String(decoding: name, as: UTF8.self) : nil
    }
}
