import Patterns
import Testing

@Suite("Options")
struct OptionsTests {
    @Test func caseInsensitive() throws {
        #expect(try Pattern("refund").matches("REFUND") == false)
        #expect(try Pattern("refund", options: .caseInsensitive).matches("REFUND"))
    }

    @Test func multilineMakesAnchorsMatchAtLineEnds() throws {
        let text = "Hello\nSubject: urgent\nbye"
        #expect(try Pattern("^Subject: (\\w+)$").matches(text) == false)
        let match = try Pattern("^Subject: (\\w+)$", options: .multiline).firstMatch(in: text)
        #expect(match?[1] == "urgent")
    }

    @Test func crlfEndsLinesForAnchorsAndDot() throws {
        let text = "To: a\r\nSubject: urgent\r\n\r\nbody"
        let match = try Pattern("^Subject: (.*)$", options: .multiline).firstMatch(in: text)
        #expect(match?[1] == "urgent")
        #expect(try Pattern("urgent.body").matches(text) == false)
    }

    @Test func dotAllLetsDotCrossLines() throws {
        let text = "begin\nend"
        #expect(try Pattern("begin.end").matches(text) == false)
        #expect(try Pattern("begin.end", options: .dotAll).matches(text))
    }

    @Test func extendedIgnoresWhitespaceAndComments() throws {
        let source = """
            (\\d{3})  # area
            - (\\d{4})  # number
            """
        #expect(try Pattern(source).matches("555-1234") == false)
        let match = try Pattern(source, options: .extended).firstMatch(in: "call 555-1234")
        #expect(match?[1] == "555")
        #expect(match?[2] == "1234")
    }

    @Test func unicodePropertiesWidenWordCharacters() throws {
        #expect(try Pattern(#"^\w+$"#).matches("Grüße") == false)
        #expect(try Pattern(#"^\w+$"#, options: .unicodeProperties).matches("Grüße"))
        #expect(try Pattern(#"^\d$"#, options: .unicodeProperties).matches("٣"))
    }

    @Test func flagStringsParseEachLetter() throws {
        #expect(try PatternOptions(flags: "") == [])
        #expect(try PatternOptions(flags: "i") == .caseInsensitive)
        #expect(try PatternOptions(flags: "m") == .multiline)
        #expect(try PatternOptions(flags: "s") == .dotAll)
        #expect(try PatternOptions(flags: "x") == .extended)
        #expect(try PatternOptions(flags: "u") == .unicodeProperties)
        #expect(try PatternOptions(flags: "usxmi") == [.caseInsensitive, .multiline, .dotAll, .extended, .unicodeProperties])
        #expect(try PatternOptions(flags: "ii") == .caseInsensitive)
    }

    @Test func flagsRoundTrip() throws {
        let options: PatternOptions = [.unicodeProperties, .caseInsensitive, .dotAll]
        #expect(options.flags == "isu")
        #expect(try PatternOptions(flags: options.flags) == options)
    }

    @Test func unknownFlagLetterIsNamed() {
        #expect(throws: PatternError.unknownFlag("q", flags: "imq")) {
            try PatternOptions(flags: "imq")
        }
        #expect(throws: PatternError.unknownFlag("I", flags: "I")) {
            try PatternOptions(flags: "I")
        }
        let message = PatternError.unknownFlag("q", flags: "imq").description
        #expect(message == #"unknown pattern flag "q" in "imq"; the known flags are i, m, s, x and u"#)
    }
}
