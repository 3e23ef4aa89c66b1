import Patterns
import Testing

@Suite("Subjects: UTF-8, invalid bytes, byte collections")
struct SubjectTests {
    @Test func nonASCIITextMatchesCaseInsensitively() throws {
        let refund = try Pattern("rückerstattung", options: .caseInsensitive)
        let match = try #require(try refund.firstMatch(in: "Betreff: RÜCKERSTATTUNG für Bestellung"))
        #expect(match.text == "RÜCKERSTATTUNG")
        #expect(match.range == 9..<24)

        let order = try Pattern("注文", options: .caseInsensitive)
        #expect(try order.firstMatch(in: "ご注文の確認")?.range == 3..<9)
        #expect(try Pattern("ΣΟΦΊΑ", options: .caseInsensitive).matches("σοφία"))
    }

    @Test func substringsAreMatchedWithTheirOwnOffsets() throws {
        let text = "Subject: Rückerstattung bitte"
        let tail = text[text.index(text.startIndex, offsetBy: 9)...]
        let match = try Pattern("bitte").firstMatch(in: tail)
        #expect(match?.range == 16..<21)
        #expect(try Pattern("^Rück").matches(tail))
    }

    @Test func invalidUTF8BytesDoNotStopMatching() throws {
        // Latin-1 "Rückerstattung" in a mail body that claims UTF-8.
        let body: [UInt8] = Array("Betreff: R".utf8) + [0xFC] + Array("ckerstattung, Nr. 42".utf8)
        let pattern = try Pattern(#"Nr\. (\d+)"#)
        let match = try #require(try pattern.firstMatch(in: body))
        #expect(match[1] == "42")
        #expect(match.range(1) == 29..<31)
        #expect(try Pattern("R.ckerstattung").matches(body) == false)
        #expect(try Pattern("ckerstattung").matches(body))
    }

    @Test func invalidBytesNeverMatchACharacter() throws {
        let bytes: [UInt8] = Array("key=".utf8) + [0xC3, 0x28, 0x41]
        // 0xC3 0x28 is not UTF-8: `.` stops before it and `(A` after it still matches.
        #expect(try Pattern("key=.").matches(bytes) == false)
        #expect(try Pattern("key=(.*)").firstMatch(in: bytes)?.range(1) == 4..<4)
        #expect(try Pattern(#"\(A"#).firstMatch(in: bytes)?.range == 5..<7)
        #expect(try Pattern(#"[^a]"#).firstMatch(in: [0xFF, 0x62])?.range == 1..<2)
    }

    @Test func noMatchCrossesAnInvalidByte() throws {
        let bytes: [UInt8] = [0x61, 0xFF, 0x62]
        #expect(try Pattern("a.*b", options: .dotAll).matches(bytes) == false)
        #expect(try Pattern(#"a\X*b"#).matches(bytes) == false)
        #expect(try Pattern(#"(?<=a.)b"#).matches(bytes) == false)
        #expect(try Pattern(#"[a-b]+"#).allMatches(in: bytes).map(\.range) == [0..<1, 2..<3])
    }

    @Test func truncatedSequencesAtTheEndAreHarmless() throws {
        let bytes: [UInt8] = Array("Preis: 5 ".utf8) + [0xE2, 0x82]
        #expect(try Pattern(#"\d"#).firstMatch(in: bytes)?.range == 7..<8)
        #expect(try Pattern(#"€"#).matches(bytes) == false)
        #expect(try Pattern(#"5 $"#).matches(bytes) == false)
    }

    @Test func byteArraysSlicesAndOtherCollectionsMatch() throws {
        let pattern = try Pattern(#"(\d+) EUR"#)
        let bytes = Array("total 120 EUR due".utf8)
        #expect(try pattern.firstMatch(in: bytes)?.range(1) == 6..<9)

        let slice = bytes[6...]
        let sliceMatch = try pattern.firstMatch(in: slice)
        #expect(sliceMatch?.range(1) == 0..<3)
        #expect(sliceMatch?[1] == "120")

        let nonContiguous = bytes.lazy.map { $0 == UInt8(ascii: "1") ? UInt8(ascii: "7") : $0 }
        #expect(try pattern.firstMatch(in: nonContiguous)?[1] == "720")
        #expect(try pattern.matches(nonContiguous))
        #expect(try pattern.matches("total EUR".utf8) == false)
    }
}
