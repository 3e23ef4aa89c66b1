/// Joins the reports of the shards of one job into the report of a single
/// run over everything: the same header without a shard, summaries added up,
/// records in entry order.
public enum ReportMerge {
    /// The header of the merged report.
    ///
    /// - Throws: ``ReportMergeError`` when the reports are not the shards of
    ///   one job: other rules, sources or mailbox, a report that is not a
    ///   shard, shards of different splits, or a shard missing or given twice.
    public static func header(of headers: [ReportHeader], names: [String]) throws(ReportMergeError) -> ReportHeader {
        guard let first = headers.first else { throw .nothingToMerge }
        var unsharded = first
        unsharded.shard = nil
        var seen: [Int: String] = [:]
        for (header, name) in zip(headers, names) {
            var bare = header
            bare.shard = nil
            guard bare == unsharded else { throw .differentJobs(names[0], name) }
            guard let shard = header.shard else { throw .notAShard(name) }
            guard shard.count == first.shard?.count else { throw .differentSplits(names[0], name) }
            if let other = seen[shard.index] { throw .duplicateShard(shard.description, other, name) }
            seen[shard.index] = name
        }
        let count = first.shard?.count ?? 0
        let missing = (1...max(1, count)).filter { seen[$0] == nil }.map { "\($0)/\(count)" }
        guard missing.isEmpty else { throw .missingShards(missing) }
        return unsharded
    }

    /// The summaries added up.
    public static func summary(of summaries: [ReprocessSummary]) -> ReprocessSummary? {
        guard var merged = summaries.first else { return nil }
        for other in summaries.dropFirst() { merged.merge(other) }
        return merged
    }
}
