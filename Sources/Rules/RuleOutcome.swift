/// What evaluating a rule against one interaction found.
public struct RuleOutcome: Sendable {
    /// Whether every condition held.
    public let matched: Bool
    /// The condition that settled it: the first that failed, or the last that
    /// held; nil for a rule without conditions or one whose pattern gave up.
    public let decidedBy: Condition?
    /// What the rule's regexes captured, for its values and the trace.
    public let captures: Captures
    /// Set when a pattern gave up; the rule then counts as not matching.
    public let failure: RuleEvaluationError?

    /// An outcome as given; evaluation makes them, and so may a caller that
    /// settled `matched` with ``Rule/holds(_:tags:)``.
    public init(matched: Bool, decidedBy: Condition?, captures: Captures, failure: RuleEvaluationError?) {
        self.matched = matched
        self.decidedBy = decidedBy
        self.captures = captures
        self.failure = failure
    }
}
