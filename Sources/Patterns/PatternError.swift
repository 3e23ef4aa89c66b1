/// Everything that can go wrong when a pattern is compiled or matched.
///
/// Each message names the pattern (or flag string) it is about, so a person
/// reading a log can find the rule file entry that needs fixing.
public enum PatternError: Error, Equatable, Sendable {
    /// The pattern is not valid PCRE2 syntax. `offset` is the byte offset in
    /// the pattern's UTF-8 where PCRE2 gave up; `message` is PCRE2's own text.
    case compile(pattern: String, offset: Int, message: String)

    /// A flag string held a letter that is not one of `i`, `m`, `s`, `x`, `u`.
    case unknownFlag(Character, flags: String)

    /// Matching stopped because it hit one of the pattern's ``MatchLimits``.
    /// Hostile subjects and catastrophic patterns end here instead of hanging.
    case matchLimitExceeded(pattern: String, limit: MatchLimitKind)

    /// PCRE2 reported some other failure while matching, for example running
    /// out of memory. `code` is PCRE2's negative error code.
    case matchFailed(pattern: String, code: Int, message: String)
}

/// Which of the ``MatchLimits`` a match ran into.
public enum MatchLimitKind: String, Equatable, Sendable, CustomStringConvertible {
    /// ``MatchLimits/matchLimit``: too many backtracking steps.
    case match
    /// ``MatchLimits/depthLimit``: backtracking nested too deeply (interpreter only).
    case depth
    /// ``MatchLimits/heapLimitKiB``: the interpreter's backtracking memory.
    case heap
    /// ``MatchLimits/jitStackLimitKiB``: the JIT's stack, which stands in for
    /// the depth limit when the pattern runs as machine code.
    case jitStack

    /// The limit's name as it appears in ``MatchLimits``.
    public var description: String {
        switch self {
        case .match: "match limit"
        case .depth: "depth limit"
        case .heap: "heap limit"
        case .jitStack: "JIT stack limit"
        }
    }
}

extension PatternError: CustomStringConvertible {
    /// A one-line message for the person who has to fix the pattern or flags.
    public var description: String {
        switch self {
        case let .compile(pattern, offset, message):
            "pattern \"\(pattern)\" does not compile at offset \(offset): \(message)"
        case let .unknownFlag(flag, flags):
            "unknown pattern flag \"\(flag)\" in \"\(flags)\"; the known flags are i, m, s, x and u"
        case let .matchLimitExceeded(pattern, limit):
            "pattern \"\(pattern)\" gave up matching: the \(limit) was exceeded, "
                + "which usually means nested quantifiers backtrack too much on this input; "
                + "simplify the pattern (e.g. make the inner repetition possessive or atomic)"
        case let .matchFailed(pattern, code, message):
            "pattern \"\(pattern)\" failed to match (PCRE2 error \(code)): \(message)"
        }
    }
}
