import Patterns
import XMLDocuments

/// A rule could not be evaluated against a message. The run goes on: the rule
/// counts as not matching and the interaction records this as a defect.
public struct RuleEvaluationError: Error, Sendable, CustomStringConvertible {
    /// The rule's id.
    public let ruleID: String
    /// Where the condition whose pattern failed is written.
    public let location: SourceLocation
    /// What the pattern reported (usually ``PatternError/matchLimitExceeded(pattern:limit:)``).
    public let error: PatternError

    /// Whether the pattern gave up because of its match limits.
    public var isMatchLimit: Bool {
        if case .matchLimitExceeded = error { return true }
        return false
    }

    /// A sentence naming the rule and the condition.
    public var description: String {
        "rule \"\(ruleID)\" treated as not matching: the condition at \(location): \(error)"
    }
}
