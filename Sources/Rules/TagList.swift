/// The tags of an interaction: a set that remembers the order in which
/// tags were first added, so traces and output list them as rules set them.
public struct TagList: Sendable, Hashable, Sequence {
    /// The tags in order of first addition.
    public private(set) var names: [String] = []
    private var members: Set<String> = []

    /// An empty list.
    public init() {}

    /// A list of `names`, duplicates dropped.
    public init(_ names: [String]) {
        for name in names { insert(name) }
    }

    /// Adds `name` unless present; returns whether it was new.
    @discardableResult
    public mutating func insert(_ name: String) -> Bool {
        guard members.insert(name).inserted else { return false }
        names.append(name)
        return true
    }

    /// Whether `name` has been added.
    public func contains(_ name: String) -> Bool { members.contains(name) }

    /// Iterates in order of first addition.
    public func makeIterator() -> IndexingIterator<[String]> { names.makeIterator() }
}
