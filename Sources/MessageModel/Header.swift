/// The header section of a message or MIME part: its fields in order, duplicates kept.
public struct Header: Sendable, RandomAccessCollection {
    public let fields: [HeaderField]

    public init(fields: [HeaderField]) {
        self.fields = fields
    }

    public var startIndex: Int { fields.startIndex }
    public var endIndex: Int { fields.endIndex }
    public subscript(position: Int) -> HeaderField { fields[position] }

    /// Every field with this name (any case), in order.
    public func fields(named name: String) -> [HeaderField] {
        let key = ASCIICase.lowercased(name)
        let length = key.utf8.count
        return fields.filter { $0.lowercasedName.utf8.count == length && $0.lowercasedName == key }
    }

    /// The first field with this name (any case).
    public func first(named name: String) -> HeaderField? {
        let key = ASCIICase.lowercased(name)
        let length = key.utf8.count
        // Comparing lengths first settles most fields without comparing strings.
        return fields.first { $0.lowercasedName.utf8.count == length && $0.lowercasedName == key }
    }

    /// Whether a field with this name exists.
    public func contains(_ name: String) -> Bool {
        first(named: name) != nil
    }
}
