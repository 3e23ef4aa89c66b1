/// The tags of an interaction: a set that remembers the order in which
/// tags were first added, so traces and output list them as rules set them.
public struct TagList: Sendable, Hashable, Sequence {
    /// The tags in order of first addition.
    public private(set) var names: [String] = []
    /// The names again, for lookups once there are too many to search in
    /// order; nil below that. An interaction usually has a few tags, and
    /// hashing them into a set would cost more than comparing.
    private var members: Set<String>?

    /// Up to this many tags are searched in order.
    static var searchedInOrder: Int { 16 }

    /// An empty list.
    public init() {}

    /// A list of `names`, duplicates dropped.
    public init(_ names: [String]) {
        for name in names { insert(name) }
    }

    /// Adds `name` unless present; returns whether it was new.
    @discardableResult
    public mutating func insert(_ name: String) -> Bool {
        if members != nil {
            guard members!.insert(name).inserted else { return false }
        } else {
            guard !names.contains(name) else { return false }
            if names.count == Self.searchedInOrder { members = Set(names + [name]) }
        }
        names.append(name)
        return true
    }

    /// Whether `name` has been added.
    public func contains(_ name: String) -> Bool {
        members?.contains(name) ?? names.contains(name)
    }

    /// Iterates in order of first addition.
    public func makeIterator() -> IndexingIterator<[String]> { names.makeIterator() }

    /// Lists are equal when they hold the same tags in the same order.
    public static func == (lhs: TagList, rhs: TagList) -> Bool { lhs.names == rhs.names }

    /// Hashes the tags in order, as ``==`` compares them.
    public func hash(into hasher: inout Hasher) { hasher.combine(names) }
}
