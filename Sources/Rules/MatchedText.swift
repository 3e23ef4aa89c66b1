import Patterns

/// What a matcher found: for regex matchers the match with its groups.
public struct MatchedText: Sendable {
    /// The regex match; nil for literal matchers.
    public let match: PatternMatch?

    init(_ match: PatternMatch?) { self.match = match }
}
