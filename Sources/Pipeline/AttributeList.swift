/// Interaction attributes: names to values, kept in the order each name was
/// first set, the last write winning, so output is stable and readable.
public struct AttributeList: Sendable, Hashable, Sequence {
    /// The names and values in order of first setting.
    public private(set) var pairs: [(name: String, value: String)] = []

    /// No attributes.
    public init() {}

    /// The value of `name`, if set.
    public subscript(name: String) -> String? {
        get { pairs.first { $0.name == name }?.value }
        set {
            if let index = pairs.firstIndex(where: { $0.name == name }) {
                if let newValue { pairs[index].value = newValue } else { pairs.remove(at: index) }
            } else if let newValue {
                pairs.append((name, newValue))
            }
        }
    }

    /// The number of attributes.
    public var count: Int { pairs.count }

    /// Iterates in order of first setting.
    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> { pairs.makeIterator() }

    /// Equal when the same names have the same values in the same order.
    public static func == (lhs: AttributeList, rhs: AttributeList) -> Bool {
        lhs.pairs.elementsEqual(rhs.pairs) { $0.name == $1.name && $0.value == $1.value }
    }

    /// Hashes names and values in order.
    public func hash(into hasher: inout Hasher) {
        for pair in pairs {
            hasher.combine(pair.name)
            hasher.combine(pair.value)
        }
    }
}
