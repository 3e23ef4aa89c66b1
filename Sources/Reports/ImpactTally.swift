/// How a new rule set changes the routing of the old one, counted over a run:
/// messages changed, a from -> to matrix of destinations, tags added and removed.
public struct ImpactTally: Sendable, Equatable {
    /// A cell of the matrix.
    public struct Move: Sendable, Hashable, Comparable {
        /// The destination under the old rules.
        public var from: String
        /// The destination under the new rules.
        public var to: String

        /// A cell.
        public init(from: String, to: String) {
            self.from = from
            self.to = to
        }

        public static func < (lhs: Move, rhs: Move) -> Bool { (lhs.from, lhs.to) < (rhs.from, rhs.to) }
    }

    /// Messages whose outcome differs in any way (action, queue, tags, attributes).
    public private(set) var changedMessages = 0
    /// Messages with at least one interaction whose destination differs.
    public private(set) var changedQueue = 0
    /// Interactions by old and new destination, the unchanged ones on the diagonal.
    /// Interactions are paired by their order; one missing on a side is ``RoutingOutcome/noQueue``.
    public private(set) var matrix: [Move: Int] = [:]
    /// Per tag, the interactions that have it under the new rules and not the old.
    public private(set) var tagsAdded: [String: Int] = [:]
    /// Per tag, the interactions that had it under the old rules and not the new.
    public private(set) var tagsRemoved: [String: Int] = [:]

    /// An empty tally.
    public init() {}

    /// A tally read back from a report.
    public init(changedMessages: Int, changedQueue: Int, matrix: [Move: Int], tagsAdded: [String: Int], tagsRemoved: [String: Int]) {
        self.changedMessages = changedMessages
        self.changedQueue = changedQueue
        self.matrix = matrix
        self.tagsAdded = tagsAdded
        self.tagsRemoved = tagsRemoved
    }

    /// Counts one message; returns whether its outcome changed.
    @discardableResult
    public mutating func add(old: RoutingOutcome, new: RoutingOutcome) -> Bool {
        let from = old.destinations
        let to = new.destinations
        for index in 0..<max(from.count, to.count) {
            let move = Move(
                from: index < from.count ? from[index] : RoutingOutcome.noQueue,
                to: index < to.count ? to[index] : RoutingOutcome.noQueue)
            matrix[move, default: 0] += 1
        }
        for index in 0..<max(old.interactions.count, new.interactions.count) {
            let before = index < old.interactions.count ? old.interactions[index].tags : []
            let after = index < new.interactions.count ? new.interactions[index].tags : []
            for tag in after where !before.contains(tag) { tagsAdded[tag, default: 0] += 1 }
            for tag in before where !after.contains(tag) { tagsRemoved[tag, default: 0] += 1 }
        }
        guard old != new else { return false }
        changedMessages += 1
        if from != to { changedQueue += 1 }
        return true
    }

    /// Adds the counts of `other`.
    public mutating func merge(_ other: ImpactTally) {
        changedMessages += other.changedMessages
        changedQueue += other.changedQueue
        matrix.merge(other.matrix, uniquingKeysWith: +)
        tagsAdded.merge(other.tagsAdded, uniquingKeysWith: +)
        tagsRemoved.merge(other.tagsRemoved, uniquingKeysWith: +)
    }

    /// Every destination that appears on either side, sorted.
    public var destinations: [String] {
        Set(matrix.keys.flatMap { [$0.from, $0.to] }).sorted()
    }
}
