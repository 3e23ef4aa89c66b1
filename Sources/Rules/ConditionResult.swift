/// The result of evaluating one condition: whether it held, which condition
/// settled it (for `<all>`, the first that failed; for `<any>`, the first
/// that held), and what its regexes captured.
public struct ConditionResult: Sendable {
    /// Whether the condition held.
    public let holds: Bool
    /// The innermost condition that settled the result.
    public let decidedBy: Condition
    /// Captures of the regexes that matched on the way to the result.
    public let captures: Captures
}
