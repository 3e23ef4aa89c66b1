import Patterns
import Testing

@Suite("All matches")
struct AllMatchesTests {
    @Test func findsEveryNonOverlappingMatch() throws {
        let matches = try Pattern(#"#(\d+)"#).allMatches(in: "#1, #22 and #333")
        #expect(matches.map { $0[1] } == ["1", "22", "333"])
        #expect(matches.map(\.range) == [0..<2, 4..<7, 12..<16])
    }

    @Test func emptyMatchesAppearOncePerPosition() throws {
        let matches = try Pattern("x*").allMatches(in: "axxb")
        #expect(matches.map(\.range) == [0..<0, 1..<3, 3..<3, 4..<4])
    }

    @Test func emptyMatchesStepOverWholeCharacters() throws {
        let matches = try Pattern("").allMatches(in: "üb")
        #expect(matches.map(\.range.lowerBound) == [0, 2, 3])
    }

    @Test func emptyMatchesStepOverCRLFAsOneLineEnd() throws {
        let matches = try Pattern("(?m)$").allMatches(in: "a\r\nb")
        #expect(matches.map(\.range.lowerBound) == [1, 4])
    }

    @Test func invalidBytesBetweenMatchesAreSkipped() throws {
        let bytes: [UInt8] = [0x31, 0xFF, 0x80, 0x32, 0xC3, 0x33]
        let matches = try Pattern(#"\d"#).allMatches(in: bytes)
        #expect(matches.map(\.range) == [0..<1, 3..<4, 5..<6])
        #expect(try Pattern("").allMatches(in: bytes).count >= 4)
    }

    @Test func noMatchGivesAnEmptyList() throws {
        #expect(try Pattern("z").allMatches(in: "abc").isEmpty)
        #expect(try Pattern("z").allMatches(in: "").isEmpty)
    }
}
