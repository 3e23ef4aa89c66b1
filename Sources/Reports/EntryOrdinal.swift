/// Where an entry stands in a reprocessing run: which source (0-based, in the
/// order given) and which entry of that source (1-based, counting every item
/// the reader yields, problems included).
///
/// Ordinals order the records of a report the same way whether the run was
/// one process or several shards merged afterwards.
public struct EntryOrdinal: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The source's place among the sources given, from 0.
    public var source: Int
    /// The entry's place in its source, from 1; 0 for a source that could not be opened.
    public var item: Int

    /// An ordinal.
    public init(source: Int, item: Int) {
        self.source = source
        self.item = item
    }

    public static func < (lhs: EntryOrdinal, rhs: EntryOrdinal) -> Bool {
        (lhs.source, lhs.item) < (rhs.source, rhs.item)
    }

    /// `[source,item]`, as the JSON report writes it.
    public var description: String { "[\(source),\(item)]" }
}
