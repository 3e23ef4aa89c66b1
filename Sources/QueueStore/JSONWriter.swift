/// Writes one JSON object into bytes, keys in the order given, so sidecars
/// are byte-stable and diff well. (The replay writer in Reports is not
/// public; this is the same escaping.)
///
/// Nested objects are written in place, and text without characters to
/// escape is copied in one piece: a sidecar is built with a handful of
/// allocations, as the store writes two of them per message.
struct JSONWriter {
    private(set) var bytes: [UInt8]
    private var needsComma = false

    /// An empty object; `capacity` is a guess at its final size in bytes.
    init(capacity: Int = 1024) {
        bytes = []
        bytes.reserveCapacity(capacity)
        bytes.append(UInt8(ascii: "{"))
    }

    /// Closes the object and returns its bytes with a final newline.
    mutating func finish() -> [UInt8] {
        bytes.append(UInt8(ascii: "}"))
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    mutating func string(_ key: String, _ value: String?) {
        self.key(key)
        if let value { Self.appendString(value, to: &bytes) } else { bytes.append(contentsOf: "null".utf8) }
    }

    mutating func integer(_ key: String, _ value: Int64?) {
        self.key(key)
        guard let value else { return bytes.append(contentsOf: "null".utf8) }
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func bool(_ key: String, _ value: Bool) {
        self.key(key)
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    mutating func strings(_ key: String, _ values: some Sequence<String>) {
        array(key, values) { json, value in Self.appendString(value, to: &json.bytes) }
    }

    /// A nested object written by `body`.
    mutating func object(_ key: String, _ body: (inout JSONWriter) -> Void) {
        self.key(key)
        nested(body)
    }

    /// An array of objects, each written by `body`.
    mutating func objects<Items: Sequence>(_ key: String, _ items: Items, _ body: (inout JSONWriter, Items.Element) -> Void) {
        array(key, items) { json, item in json.nested { body(&$0, item) } }
    }

    /// An array whose elements `element` writes, separated by commas.
    private mutating func array<Items: Sequence>(_ key: String, _ items: Items, _ element: (inout JSONWriter, Items.Element) -> Void) {
        self.key(key)
        bytes.append(UInt8(ascii: "["))
        var first = true
        for item in items {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            element(&self, item)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Writes an object at the end of `bytes`, with its own comma state.
    private mutating func nested(_ body: (inout JSONWriter) -> Void) {
        let outer = needsComma
        needsComma = false
        bytes.append(UInt8(ascii: "{"))
        body(&self)
        bytes.append(UInt8(ascii: "}"))
        needsComma = outer
    }

    private mutating func key(_ name: String) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = true
        Self.appendString(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
    }

    /// A JSON string: quotes, backslashes and control characters escaped; other text as UTF-8.
    private static func appendString(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            bytes.append(UInt8(ascii: "\""))
            var start = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == 0x7F || byte == 0x22 || byte == 0x5C {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                appendEscaped(byte, to: &bytes)
                start = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
            bytes.append(UInt8(ascii: "\""))
        }
    }

    private static func appendEscaped(_ byte: UInt8, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        default:
            let hex = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: "u00".utf8)
            bytes.append(hex[Int(byte >> 4)])
            bytes.append(hex[Int(byte & 0xF)])
        }
    }
}
