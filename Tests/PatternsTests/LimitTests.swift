import Patterns
import Testing

/// Catastrophic patterns must stop with a typed error, in both engines.
@Suite("Match limits")
struct LimitTests {
    static let engines = [true, false]
    /// 100 KB that `(?:a|b)*c` must descend through before failing; the `c`
    /// keeps PCRE2 from rejecting the subject up front for lacking one.
    static let deepSubject = String(repeating: "a", count: 100_000) + "!c"

    /// The limit a match ran into, or nil if it did not throw a limit error.
    func exceededLimit(_ pattern: Pattern, _ subject: String) -> MatchLimitKind? {
        do {
            _ = try pattern.matches(subject)
            return nil
        } catch {
            guard case let .matchLimitExceeded(source, limit) = error else { return nil }
            #expect(source == pattern.source)
            return limit
        }
    }

    @Test(arguments: engines)
    func nestedPlusBeforeAnchorHitsTheMatchLimit(jit: Bool) throws {
        let pattern = try Pattern("(a+)+$", jit: jit)
        #expect(exceededLimit(pattern, String(repeating: "a", count: 30) + "!") == .match)
    }

    @Test(arguments: engines)
    func classicExponentialPatternHitsTheMatchLimit(jit: Bool) throws {
        let pattern = try Pattern("(x+x+)+y", jit: jit)
        #expect(exceededLimit(pattern, String(repeating: "x", count: 30) + "!y") == .match)
    }

    @Test(arguments: engines)
    func allMatchesAndFirstMatchThrowTheSameError(jit: Bool) throws {
        let pattern = try Pattern("(a+)+$", jit: jit)
        let subject = String(repeating: "a", count: 30) + "!"
        let expected = PatternError.matchLimitExceeded(pattern: "(a+)+$", limit: .match)
        #expect(throws: expected) { try pattern.firstMatch(in: subject) }
        #expect(throws: expected) { try pattern.allMatches(in: subject) }
        #expect(throws: expected) { try pattern.matches(Array(subject.utf8)) }
    }

    @Test func deepNestingOnALargeSubjectHitsTheDepthLimitInTheInterpreter() throws {
        let pattern = try Pattern("(?:a|b)*c", jit: false)
        #expect(exceededLimit(pattern, Self.deepSubject) == .depth)
    }

    @Test func deepNestingOnALargeSubjectHitsTheJITStackLimit() throws {
        let pattern = try Pattern("(?:a|b)*c")
        try #require(pattern.isJITCompiled)
        #expect(exceededLimit(pattern, Self.deepSubject) == .jitStack)
    }

    @Test(arguments: engines)
    func nestedQuantifiersOnALargeSubjectEndWithALimitError(jit: Bool) throws {
        let pattern = try Pattern(#"^(\w+\s?)*$"#, jit: jit)
        let subject = String(repeating: "word ", count: 20_000) + "!"
        #expect(exceededLimit(pattern, subject) != nil)
    }

    @Test func heapLimitBindsTheInterpreter() throws {
        let limits = MatchLimits(matchLimit: 10_000_000, depthLimit: 10_000_000, heapLimitKiB: 64, jitStackLimitKiB: 1024)
        let pattern = try Pattern("(?:a|b)*c", limits: limits, jit: false)
        #expect(exceededLimit(pattern, Self.deepSubject) == .heap)
    }

    @Test(arguments: engines)
    func customMatchLimitApplies(jit: Bool) throws {
        let subject = String(repeating: "x", count: 14) + "!y"
        let tight = MatchLimits(matchLimit: 100, depthLimit: 10_000, heapLimitKiB: 20_480, jitStackLimitKiB: 1024)
        #expect(exceededLimit(try Pattern("(x+x+)+y", limits: tight, jit: jit), subject) == .match)
        #expect(try Pattern("(x+x+)+y", jit: jit).matches(subject) == false)
    }

    @Test func standardLimitsAllowOrdinaryLargeMatches() throws {
        let body = String(repeating: "Lorem ipsum dolor sit amet. ", count: 4_000) + "Order 4711"
        #expect(try Pattern(#"Order (\d+)"#).firstMatch(in: body)?[1] == "4711")
        #expect(try Pattern(#"Order (\d+)"#, jit: false).firstMatch(in: body)?[1] == "4711")
        #expect(try Pattern(#"^[^\n]*$"#).matches(body))
    }

    @Test func patternStaysUsableAfterALimitError() throws {
        let pattern = try Pattern("(a+)+$")
        #expect(exceededLimit(pattern, String(repeating: "a", count: 30) + "!") == .match)
        #expect(try pattern.firstMatch(in: "xaaa")?.range == 1..<4)
    }

    @Test func limitErrorExplainsWhatToFix() {
        let error = PatternError.matchLimitExceeded(pattern: "(a+)+$", limit: .jitStack)
        #expect(error.description.hasPrefix(#"pattern "(a+)+$" gave up matching: the JIT stack limit was exceeded"#))
    }
}
