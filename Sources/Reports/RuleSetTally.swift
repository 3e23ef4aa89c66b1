import Pipeline

/// What one rule set did over a reprocessing run: interactions per queue,
/// messages not processed, rule failures, and how often each rule matched.
public struct RuleSetTally: Sendable, Equatable {
    /// Interactions per queue (``RoutingOutcome/noQueue`` for none).
    public private(set) var queues: [String: Int] = [:]
    /// Messages left on the server.
    public private(set) var left = 0
    /// Messages deleted from the server.
    public private(set) var deleted = 0
    /// Rule evaluations that failed (a pattern reached its match limit).
    public private(set) var ruleErrors = 0
    /// The rules counted, in pipeline order.
    public let rules: [RuleCatalog.Entry]
    /// For each rule of ``rules``, the interactions in which it matched.
    public private(set) var hits: [Int]

    /// An empty tally of the rules of `catalog`.
    public init(catalog: RuleCatalog) {
        rules = catalog.entries
        hits = Array(repeating: 0, count: catalog.entries.count)
    }

    /// A tally read back from a report.
    public init(queues: [String: Int], left: Int, deleted: Int, ruleErrors: Int, rules: [RuleCatalog.Entry], hits: [Int]) {
        self.queues = queues
        self.left = left
        self.deleted = deleted
        self.ruleErrors = ruleErrors
        self.rules = rules
        self.hits = hits
    }

    /// Counts one message: its outcome, the catalog indexes of the rules that
    /// matched (once per interaction they matched in) and its rule failures.
    public mutating func add(_ outcome: RoutingOutcome, matches: [Int], ruleErrors: Int) {
        switch outcome.action {
        case .process:
            for routed in outcome.interactions { queues[routed.queue ?? RoutingOutcome.noQueue, default: 0] += 1 }
        case .leave: left += 1
        case .delete: deleted += 1
        }
        for index in matches where hits.indices.contains(index) { hits[index] += 1 }
        self.ruleErrors += ruleErrors
    }

    /// Adds the counts of `other`, a tally of the same rules (see ``ReportMerge``).
    public mutating func merge(_ other: RuleSetTally) {
        queues.merge(other.queues, uniquingKeysWith: +)
        left += other.left
        deleted += other.deleted
        ruleErrors += other.ruleErrors
        for index in hits.indices where other.hits.indices.contains(index) { hits[index] += other.hits[index] }
    }

    /// The rules that never matched, in pipeline order.
    public var deadRules: [RuleCatalog.Entry] {
        zip(rules, hits).filter { $0.1 == 0 }.map(\.0)
    }

    /// All interactions counted.
    public var interactions: Int { queues.values.reduce(0, +) }
}
