import Pipeline

/// What one rule set decided for one message, reduced to what an impact
/// report compares: the fetch action and, per interaction, the queue, the
/// tags, the attributes and the rule that decided the queue.
public struct RoutingOutcome: Sendable, Equatable {
    /// One interaction's result.
    public struct Routed: Sendable, Equatable {
        /// The queue; nil only when no queue could be resolved.
        public var queue: String?
        /// The tags in order of first addition.
        public var tags: [String]
        /// The attributes in order of first setting.
        public var attributes: [Attribute]
        /// The rule that decided the queue, or `(default queue)`, `(forced by the mailbox)`.
        public var decidedBy: String

        /// A routed interaction.
        public init(queue: String?, tags: [String], attributes: [Attribute], decidedBy: String) {
            self.queue = queue
            self.tags = tags
            self.attributes = attributes
            self.decidedBy = decidedBy
        }
    }

    /// An interaction attribute.
    public struct Attribute: Sendable, Equatable {
        public var name: String
        public var value: String

        /// An attribute.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// `process`, `leave` or `delete`.
    public var action: FetchAction
    /// The interactions; empty unless `action` is `process`.
    public var interactions: [Routed]

    /// An outcome.
    public init(action: FetchAction, interactions: [Routed]) {
        self.action = action
        self.interactions = interactions
    }

    /// The outcome of `decision`, deciding rules named by `catalog`.
    public init(decision: Decision, catalog: RuleCatalog) {
        action = decision.fetchAction
        interactions = decision.fetchAction != .process ? [] : decision.interactions.map { interaction in
            Routed(
                queue: interaction.queue, tags: interaction.tags.names,
                attributes: interaction.attributes.pairs.map { Attribute(name: $0.name, value: $0.value) },
                decidedBy: catalog.decider(of: interaction))
        }
    }

    /// The label of each interaction's destination in a from -> to matrix:
    /// the queue, or `(left)` / `(deleted)` for one message not processed.
    public var destinations: [String] {
        switch action {
        case .process: interactions.map { $0.queue ?? Self.noQueue }
        case .leave: ["(left)"]
        case .delete: ["(deleted)"]
        }
    }

    /// The matrix label of an interaction without a queue, or missing on one side.
    public static let noQueue = "(none)"

    /// One line for people: `billing [invoice,vip] by route-billing-topics`, one part per interaction.
    public var summaryText: String {
        guard action == .process else { return "not processed (\(action.rawValue))" }
        if interactions.isEmpty { return "no interaction" }
        return interactions.map { routed in
            let tags = routed.tags.isEmpty ? "" : " [\(routed.tags.joined(separator: ","))]"
            return "\(routed.queue ?? Self.noQueue)\(tags) by \(routed.decidedBy)"
        }.joined(separator: "; ")
    }
}
