/// Writes one JSON object into bytes, keys in the order given, so sidecars
/// are byte-stable and diff well. (The replay writer in Reports is not
/// public; this is the same escaping.)
struct JSONWriter {
    private(set) var bytes: [UInt8] = [UInt8(ascii: "{")]
    private var needsComma = false

    /// Closes the object and returns its bytes with a final newline.
    mutating func finish() -> [UInt8] {
        bytes += Array("}\n".utf8)
        return bytes
    }

    mutating func string(_ key: String, _ value: String?) {
        self.key(key)
        if let value { Self.appendString(value, to: &bytes) } else { bytes += Array("null".utf8) }
    }

    mutating func integer(_ key: String, _ value: Int64?) {
        self.key(key)
        bytes += Array((value.map { String($0) } ?? "null").utf8)
    }

    mutating func bool(_ key: String, _ value: Bool) {
        self.key(key)
        bytes += Array((value ? "true" : "false").utf8)
    }

    mutating func strings(_ key: String, _ values: [String]) {
        self.key(key)
        bytes.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            Self.appendString(value, to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// A nested object written by `body`.
    mutating func object(_ key: String, _ body: (inout JSONWriter) -> Void) {
        self.key(key)
        var nested = JSONWriter()
        body(&nested)
        bytes += nested.bytes + [UInt8(ascii: "}")]
    }

    /// An array of objects, each written by `body`.
    mutating func objects<Items: Sequence>(_ key: String, _ items: Items, _ body: (inout JSONWriter, Items.Element) -> Void) {
        self.key(key)
        bytes.append(UInt8(ascii: "["))
        for (index, item) in items.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            var nested = JSONWriter()
            body(&nested, item)
            bytes += nested.bytes + [UInt8(ascii: "}")]
        }
        bytes.append(UInt8(ascii: "]"))
    }

    private mutating func key(_ name: String) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = true
        Self.appendString(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
    }

    /// A JSON string: quotes, backslashes and control characters escaped; other text as UTF-8.
    private static func appendString(_ text: String, to bytes: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20, 0x7F: bytes += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
