/// Why reports cannot be merged.
public enum ReportMergeError: Error, Sendable, Equatable, CustomStringConvertible {
    case nothingToMerge
    /// Two reports of other rules, sources or mailbox profile.
    case differentJobs(String, String)
    /// A report of a run that was not split.
    case notAShard(String)
    /// Shards of an N-way and an M-way split.
    case differentSplits(String, String)
    /// The same shard twice.
    case duplicateShard(String, String, String)
    /// Shards not given.
    case missingShards([String])

    public var description: String {
        switch self {
        case .nothingToMerge:
            return "no report to merge"
        case .differentJobs(let first, let other):
            return "\(other) is not a shard of the same job as \(first): the rules, the sources (in the same order) "
                + "and --mailbox must be the same; only --shard differs"
        case .notAShard(let name):
            return "\(name) is the report of a whole run, not of a shard (it was made without --shard)"
        case .differentSplits(let first, let other):
            return "\(first) and \(other) come from different splits (--shard I/N with different N)"
        case .duplicateShard(let shard, let first, let other):
            return "shard \(shard) is given twice: \(first) and \(other)"
        case .missingShards(let missing):
            return "shard\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")) missing: give the report of every shard"
        }
    }
}
