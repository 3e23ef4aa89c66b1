/// Bounds on how much work one match may do, so that a catastrophic pattern
/// or a hostile subject ends with ``PatternError/matchLimitExceeded(pattern:limit:)``
/// instead of hanging the pipeline.
///
/// PCRE2 applies the match limit in both engines; the depth and heap limits
/// only bind the interpreter, and the JIT stack limit only binds JIT code, so
/// together they bound both.
public struct MatchLimits: Hashable, Sendable {
    /// How many times PCRE2 may call its internal match function (roughly,
    /// backtracking steps) in one match attempt.
    public var matchLimit: UInt32
    /// How deeply the interpreter's backtracking may nest.
    public var depthLimit: UInt32
    /// How much heap, in KiB, the interpreter may use for backtracking.
    public var heapLimitKiB: UInt32
    /// The largest stack, in KiB, that JIT-compiled code may grow to.
    /// Values below 32 are treated as 32, PCRE2's smallest useful stack.
    public var jitStackLimitKiB: UInt32

    /// Limits for a pattern; every field is taken as given.
    public init(matchLimit: UInt32, depthLimit: UInt32, heapLimitKiB: UInt32, jitStackLimitKiB: UInt32) {
        self.matchLimit = matchLimit
        self.depthLimit = depthLimit
        self.heapLimitKiB = heapLimitKiB
        self.jitStackLimitKiB = jitStackLimitKiB
    }

    /// Limits generous enough for rule patterns on real mail (a few MB) and
    /// tight enough that exponential backtracking stops within milliseconds.
    public static let standard = MatchLimits(
        matchLimit: 1_000_000, depthLimit: 10_000, heapLimitKiB: 20 * 1024, jitStackLimitKiB: 1024)
}
