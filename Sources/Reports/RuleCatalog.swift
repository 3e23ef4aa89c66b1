import Pipeline
import Rules

/// The rules of a pipeline as a report counts them: each rule of each stage,
/// in pipeline order, and which of them decide queues.
///
/// A rule set used by two stages is two entries, since it may match in one
/// and not in the other.
public struct RuleCatalog: Sendable {
    /// One rule in one stage.
    public struct Entry: Sendable, Hashable {
        /// The stage's element name.
        public var stage: String
        /// The rule's id.
        public var rule: String

        /// An entry.
        public init(stage: String, rule: String) {
            self.stage = stage
            self.rule = rule
        }
    }

    /// Every rule of every stage, in the order the pipeline evaluates them.
    public let entries: [Entry]
    private let indexes: [Entry: Int]
    /// Rules with an action that decides the queue (a route or a forced default queue).
    private let deciding: Set<String>

    /// The catalog of `pipeline`.
    public init(pipeline: Pipeline) {
        var entries: [Entry] = []
        var deciding: Set<String> = []
        for stage in pipeline.stages {
            let name = type(of: stage).elementName
            for rule in stage.rules {
                entries.append(Entry(stage: name, rule: rule.id))
                if rule.actions.contains(where: { $0.routes || $0.forces }) { deciding.insert(rule.id) }
            }
        }
        self.init(entries: entries, deciding: deciding)
    }

    /// A catalog of the given entries, for reports read back from a file (nothing is deciding there).
    public init(entries: [Entry], deciding: Set<String> = []) {
        self.entries = entries
        self.deciding = deciding
        var indexes: [Entry: Int] = [:]
        for (index, entry) in entries.enumerated() where indexes[entry] == nil { indexes[entry] = index }
        self.indexes = indexes
    }

    /// The same catalog sharing no reference-counted storage with this one, for one worker thread alone.
    public func isolatedCopy() -> RuleCatalog {
        RuleCatalog(
            entries: entries.map { Entry(stage: Isolation.copy($0.stage), rule: Isolation.copy($0.rule)) },
            deciding: Set(deciding.map(Isolation.copy)))
    }

    /// The indexes in ``entries`` of the rules that matched for `interaction`, each once, in trace order.
    public func matches(in interaction: Interaction) -> [Int] {
        var found: [Int] = []
        for entry in interaction.trace where entry.matched == true {
            guard let rule = entry.ruleID, let index = indexes[Entry(stage: entry.stage, rule: rule)] else { continue }
            if !found.contains(index) { found.append(index) }
        }
        return found
    }

    /// What decided the queue of `interaction`: the id of the first matching rule
    /// that routes or forces, else `(forced by the mailbox)` or `(default queue)`.
    public func decider(of interaction: Interaction) -> String {
        for entry in interaction.trace where entry.matched == true {
            if let rule = entry.ruleID, deciding.contains(rule) { return rule }
        }
        return interaction.mailbox.forceDefaultQueue ? "(forced by the mailbox)" : "(default queue)"
    }
}

extension Action {
    /// Whether this is a `<force-default-queue/>`.
    var forces: Bool {
        if case .forceDefaultQueue = kind { return true }
        return false
    }
}
