/// One share of a job split over several machines: `--shard I/N`.
///
/// Entry number k of a run (counting every entry of every source from 0)
/// belongs to shard `k % N + 1`, so shards are the same size within one
/// entry and every entry is in exactly one shard.
public struct ShardSpec: Sendable, Hashable, CustomStringConvertible {
    /// Which share, from 1.
    public let index: Int
    /// How many shares.
    public let count: Int

    /// The shard `index` of `count`.
    /// - Throws: ``ShardSpecError`` unless 1 <= index <= count.
    public init(index: Int, count: Int) throws(ShardSpecError) {
        guard count >= 1, (1...count).contains(index) else { throw ShardSpecError(text: "\(index)/\(count)") }
        self.index = index
        self.count = count
    }

    /// Reads `I/N`.
    /// - Throws: ``ShardSpecError`` for anything else, or I outside 1...N.
    public init(_ text: String) throws(ShardSpecError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else { throw ShardSpecError(text: text) }
        try self.init(index: index, count: count)
    }

    /// Whether the entry numbered `global` (from 0, across all sources) is in this shard.
    public func contains(global: Int) -> Bool { global % count == index - 1 }

    /// `I/N`.
    public var description: String { "\(index)/\(count)" }
}

/// A `--shard` value that is not `I/N` with 1 <= I <= N.
public struct ShardSpecError: Error, Sendable, CustomStringConvertible {
    /// The value given.
    public let text: String

    public var description: String {
        "--shard is \"\(text)\"; write I/N with N at least 1 and I from 1 to N (1/3, 2/3 and 3/3 split a job in three)"
    }
}
