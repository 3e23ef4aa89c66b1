import Patterns
import Testing

@Suite("Compile errors")
struct CompileErrorTests {
    @Test func missingParenthesisReportsOffsetAndMessage() {
        let expected = PatternError.compile(pattern: "a(b", offset: 3, message: "missing closing parenthesis")
        #expect(throws: expected) { try Pattern("a(b") }
        #expect(expected.description == #"pattern "a(b" does not compile at offset 3: missing closing parenthesis"#)
    }

    @Test func offsetPointsAtTheProblem() throws {
        let error = try #require(throws: PatternError.self) { try Pattern(#"ok \d+ then [z-a]"#) }
        guard case let .compile(pattern, offset, message) = error else {
            Issue.record("expected a compile error, got \(error)")
            return
        }
        #expect(pattern == #"ok \d+ then [z-a]"#)
        #expect(offset == 15)
        #expect(message.contains("range out of order"))
    }

    @Test func offsetCountsUTF8Bytes() throws {
        let error = try #require(throws: PatternError.self) { try Pattern("ü(") }
        guard case let .compile(_, offset, _) = error else {
            Issue.record("expected a compile error, got \(error)")
            return
        }
        #expect(offset == 3)
    }

    @Test func singleByteEscapeIsRefused() throws {
        // `\C` could stop a match in the middle of a UTF-8 character.
        let error = try #require(throws: PatternError.self) { try Pattern(#"a\Cb"#) }
        guard case let .compile(_, offset, message) = error else {
            Issue.record("expected a compile error, got \(error)")
            return
        }
        #expect(offset == 3)
        #expect(message.contains(#"\C"#))
    }

    @Test func emptyPatternCompilesAndMatchesEverywhere() throws {
        let pattern = try Pattern("")
        #expect(try pattern.firstMatch(in: "abc")?.range == 0..<0)
    }
}
