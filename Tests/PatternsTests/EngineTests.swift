import Patterns
import Testing

@Suite("JIT and interpreter")
struct EngineTests {
    @Test func jitIsUsedWhenTheLibraryHasIt() throws {
        #expect(try Pattern(#"\w+@\w+"#).isJITCompiled == Pattern.isJITAvailable)
    }

    @Test func jitCanBeTurnedOff() throws {
        let pattern = try Pattern(#"(?<user>\w+)@(\w+)"#, jit: false)
        #expect(pattern.isJITCompiled == false)
        let match = try pattern.firstMatch(in: "mail jane@example now")
        #expect(match?["user"] == "jane")
        #expect(match?[2] == "example")
    }

    @Test func patternThatRefusesJITFallsBackToTheInterpreter() throws {
        // `(*NO_JIT)` makes PCRE2 skip JIT compilation although it was requested.
        let pattern = try Pattern(#"(*NO_JIT)(?<user>\w+)@(\w+)"#)
        #expect(pattern.isJITCompiled == false)
        #expect(try pattern.firstMatch(in: "mail jane@example now")?["user"] == "jane")
        // Without JIT the depth limit, not the JIT stack, stops deep backtracking.
        let deep = try Pattern("(*NO_JIT)(?:a|b)*c")
        #expect(throws: PatternError.matchLimitExceeded(pattern: "(*NO_JIT)(?:a|b)*c", limit: .depth)) {
            try deep.matches(String(repeating: "a", count: 100_000) + "!c")
        }
    }

    @Test(arguments: [#"(\d+)-(\d+)"#, #"(?i)réf\w*"#, #"^\s*$"#, #"(?m)^x$"#, #"a|"#])
    func bothEnginesAgree(source: String) throws {
        let subjects = ["12-34 and 56-78", "RÉFÉRENCE", "  ", "a\r\nx\r\nb", "", "bab"]
        let jit = try Pattern(source)
        let interpreter = try Pattern(source, jit: false)
        for subject in subjects {
            #expect(try jit.allMatches(in: subject) == interpreter.allMatches(in: subject), "\(subject)")
        }
    }

    @Test func otherMatchErrorsCarryPCRE2Message() throws {
        // Recursing into a group without consuming input loops forever;
        // PCRE2 detects it at match time in the interpreter.
        let pattern = try Pattern(#"(a|(?1))"#, jit: false)
        let error = try #require(throws: PatternError.self) { try pattern.matches("b") }
        guard case let .matchFailed(source, code, message) = error else {
            Issue.record("expected matchFailed, got \(error)")
            return
        }
        #expect(source == #"(a|(?1))"#)
        #expect(code < 0)
        #expect(!message.isEmpty)
        #expect(error.description.contains("failed to match (PCRE2 error \(code))"))
    }
}
