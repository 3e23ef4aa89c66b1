/// The records of several reports, each in entry order, as one sequence in entry order.
/// Records of one entry stay together in the order their report had them.
public struct MergedRecords<Source: IteratorProtocol>: IteratorProtocol, Sequence where Source.Element == ReportRecord {
    private var sources: [Source]
    private var heads: [ReportRecord?]

    /// Merges `sources`.
    public init(_ sources: [Source]) {
        self.sources = sources
        heads = []
        for index in self.sources.indices { heads.append(self.sources[index].next()) }
    }

    /// The record with the lowest entry ordinal among the heads of the sources.
    public mutating func next() -> ReportRecord? {
        var best: Int?
        for (index, head) in heads.enumerated() {
            guard let head else { continue }
            if let chosen = best, let current = heads[chosen], !(head.ordinal < current.ordinal) { continue }
            best = index
        }
        guard let best, let record = heads[best] else { return nil }
        heads[best] = sources[best].next()
        return record
    }
}
