import Patterns
import Testing

@Suite("Captures")
struct CaptureTests {
    @Test func numberedGroupsGiveTextAndByteRanges() throws {
        let pattern = try Pattern(#"order (\d+)-(\d+)"#)
        let match = try #require(try pattern.firstMatch(in: "Re: order 4711-08 missing"))
        #expect(pattern.captureCount == 2)
        #expect(match.captureCount == 2)
        #expect(match.text == "order 4711-08")
        #expect(match.range == 4..<17)
        #expect(match[1] == "4711")
        #expect(match.range(1) == 10..<14)
        #expect(match[2] == "08")
        #expect(match.bytes(2).map(Array.init) == Array("08".utf8))
    }

    @Test func unsetAndNonexistentGroupsAreNil() throws {
        let pattern = try Pattern(#"(a)|(b)"#)
        let match = try #require(try pattern.firstMatch(in: "xb"))
        #expect(match[0] == "b")
        #expect(match[1] == nil)
        #expect(match.range(1) == nil)
        #expect(match[2] == "b")
        #expect(match[3] == nil)
        #expect(match[-1] == nil)
        #expect(match.groupRanges == [1..<2, nil, 1..<2])
    }

    @Test func trailingUnsetGroupsAreNil() throws {
        let pattern = try Pattern(#"(a)(x)?(y)?"#)
        let match = try #require(try pattern.firstMatch(in: "a"))
        #expect(match.groupRanges == [0..<1, 0..<1, nil, nil])
    }

    @Test func namedGroupsAreFoundByName() throws {
        let pattern = try Pattern(#"(?<local>[^@\s]+)@(?<domain>[\w.]+)"#)
        #expect(pattern.captureNames == ["local", "domain"])
        let match = try #require(try pattern.firstMatch(in: "From: jane.doe@example.org"))
        #expect(match["local"] == "jane.doe")
        #expect(match["domain"] == "example.org")
        #expect(match.range(named: "domain") == 15..<26)
        #expect(match.bytes(named: "local").map(Array.init) == Array("jane.doe".utf8))
        #expect(match["missing"] == nil)
        #expect(match.captureNames == ["local", "domain"])
    }

    @Test func captureNamesFollowGroupNumbersNotTheAlphabet() throws {
        let pattern = try Pattern(#"(?<zeta>z)(?<alpha>a)(?<mid>m)"#)
        #expect(pattern.captureNames == ["zeta", "alpha", "mid"])
    }

    @Test func duplicateNamesGiveTheGroupThatIsSet() throws {
        let pattern = try Pattern(#"(?J)(?:(?<id>\d+)|#(?<id>[a-z]+))"#)
        #expect(pattern.captureNames == ["id"])
        #expect(try pattern.firstMatch(in: "ticket 42")?["id"] == "42")
        #expect(try pattern.firstMatch(in: "ticket #abc")?["id"] == "abc")
    }

    @Test func capturesInsideLookbehindLieOutsideTheMatch() throws {
        let pattern = try Pattern(#"(?<=(Ref):)\s*\w+"#)
        let match = try #require(try pattern.firstMatch(in: "Ref: A17"))
        #expect(match.text == " A17")
        #expect(match[1] == "Ref")
        #expect(match.range(1) == 0..<3)
    }

    @Test func patternWithoutGroupsHasNoNames() throws {
        let pattern = try Pattern("abc")
        #expect(pattern.captureCount == 0)
        #expect(pattern.captureNames.isEmpty)
        let match = try #require(try pattern.firstMatch(in: "xabc"))
        #expect(match.groupRanges == [1..<4])
        #expect(match[1] == nil)
    }

    @Test func noMatchGivesNil() throws {
        let pattern = try Pattern("refund")
        #expect(try pattern.firstMatch(in: "invoice") == nil)
        #expect(try pattern.matches("invoice") == false)
        #expect(try pattern.matches("a refund please") == true)
    }

    @Test func emptySubjectsCanMatch() throws {
        #expect(try Pattern("^$").matches(""))
        #expect(try Pattern("^$").matches([UInt8]()))
        #expect(try Pattern("x").firstMatch(in: "") == nil)
        #expect(try Pattern("x*").firstMatch(in: "")?.range == 0..<0)
    }

    @Test func matchOutlivesItsSubject() throws {
        let pattern = try Pattern(#"id=(\d+)"#)
        var match: PatternMatch?
        do {
            let subject = String(repeating: "filler ", count: 100) + "id=12345"
            match = try pattern.firstMatch(in: subject)
        }
        #expect(match?[1] == "12345")
        #expect(match?.range(1) == 703..<708)
    }
}
