/// Writes one JSON object into bytes, keys in the order given, so sidecars
/// are byte-stable and diff well. (The replay writer in Reports is not
/// public; this is the same escaping.)
///
/// Nested objects are written in place, keys are static names copied as
/// they are, numbers are written as digits, and values that describe
/// themselves are streamed into the string being written (``JSONText``): a
/// sidecar is built with a handful of allocations, as the store writes two
/// of them per message.
struct JSONWriter {
    private var text: JSONText
    private var needsComma = false

    /// An empty object; `capacity` is a guess at its final size in bytes.
    init(capacity: Int = 1024) {
        text = JSONText(capacity: capacity)
        text.raw(UInt8(ascii: "{"))
    }

    /// Closes the object and returns its bytes with a final newline.
    mutating func finish() -> [UInt8] {
        text.raw("}\n")
        return text.bytes
    }

    mutating func string(_ key: StaticString, _ value: String?) {
        self.key(key)
        if let value { quoted(value) } else { text.raw("null") }
    }

    /// A string value that `body` writes piece by piece, each piece escaped.
    mutating func string(_ key: StaticString, _ body: (inout JSONText) -> Void) {
        self.key(key)
        text.raw(UInt8(ascii: "\""))
        body(&text)
        text.raw(UInt8(ascii: "\""))
    }

    mutating func integer(_ key: StaticString, _ value: Int64?) {
        self.key(key)
        if let value { text.digits(value) } else { text.raw("null") }
    }

    mutating func bool(_ key: StaticString, _ value: Bool) {
        self.key(key)
        text.raw(value ? "true" : "false")
    }

    /// An array of strings, each the text its value writes to a stream.
    mutating func strings<Values: Sequence>(_ key: StaticString, _ values: Values) where Values.Element: TextOutputStreamable {
        array(key, values) { json, value in json.quoted(value) }
    }

    /// A nested object written by `body`.
    mutating func object(_ key: StaticString, _ body: (inout JSONWriter) -> Void) {
        self.key(key)
        nested(body)
    }

    /// An array of objects, each written by `body`.
    mutating func objects<Items: Sequence>(_ key: StaticString, _ items: Items, _ body: (inout JSONWriter, Items.Element) -> Void) {
        array(key, items) { json, item in json.nested { body(&$0, item) } }
    }

    /// An array whose elements `element` writes, separated by commas.
    private mutating func array<Items: Sequence>(
        _ key: StaticString, _ items: Items, _ element: (inout JSONWriter, Items.Element) -> Void
    ) {
        self.key(key)
        text.raw(UInt8(ascii: "["))
        var first = true
        for item in items {
            if !first { text.raw(UInt8(ascii: ",")) }
            first = false
            element(&self, item)
        }
        text.raw(UInt8(ascii: "]"))
    }

    /// Writes an object at the end of the text, with its own comma state.
    private mutating func nested(_ body: (inout JSONWriter) -> Void) {
        let outer = needsComma
        needsComma = false
        text.raw(UInt8(ascii: "{"))
        body(&self)
        text.raw(UInt8(ascii: "}"))
        needsComma = outer
    }

    private mutating func quoted(_ value: some TextOutputStreamable) {
        text.raw(UInt8(ascii: "\""))
        value.write(to: &text)
        text.raw(UInt8(ascii: "\""))
    }

    /// Keys are the store's own names: written as they are, never escaped.
    private mutating func key(_ name: StaticString) {
        assert(name.withUTF8Buffer { !$0.contains(where: JSONText.needsEscape) }, "JSON key \(name) needs escaping")
        if needsComma { text.raw(UInt8(ascii: ",")) }
        needsComma = true
        text.raw(UInt8(ascii: "\""))
        text.raw(name)
        text.raw("\":")
    }
}
