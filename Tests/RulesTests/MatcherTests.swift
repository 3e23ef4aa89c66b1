import Patterns
import Rules
import Testing

@Suite struct MatcherTests {
    static let cases: [(String, String, Bool)] = [
        (#"equals="Hello""#, "Hello", true),
        (#"equals="Hello""#, "hello", false),
        (#"equals="Hello" flags="i""#, "hELLO", true),
        (#"contains="voice""#, "Invoice 12", true),
        (#"contains="VOICE" flags="i""#, "Invoice 12", true),
        (#"contains="xyz""#, "Invoice", false),
        (#"starts-with="Re:""#, "Re: hello", true),
        (#"starts-with="re:""#, "Re: hello", false),
        (#"ends-with="12""#, "Invoice 12", true),
        (#"ends-with="ÜBER" flags="i""#, "gegen über", true),
        (#"equals="ΣΑΣ" flags="i""#, "σας", true),
        (#"equals="STRASSE" flags="i""#, "straße", false),
        (#"contains="ſ" flags="i""#, "S", true),
        (#"regex="^inv(oice)?\s+\d+$""#, "invoice 12", true),
        (#"regex="INVOICE" flags="i""#, "invoice", true),
        (#"regex="a.b" flags="s""#, "a\nb", true),
        (#"regex="a.b""#, "a\nb", false),
        (#"contains="legal@acme.example" flags="i""#, "LEGAL@Acme.Example", true),
        (#"contains="legal@acme.example" flags="i""#, "Légal LEGAL@ACME.EXAMPLE", true),
        (#"contains="legal@acme.example" flags="i""#, "legal@acme.exampl", false),
        (#"ends-with="E" flags="i""#, "", false),
        (#"starts-with="" flags="i""#, "", true),
        (#"contains="k" flags="i""#, "\u{212A}elvin", true),
        (#"equals="ok""#, "OK", false),
    ]

    @Test(arguments: cases)
    func matcher(_ attributes: String, _ subject: String, _ expected: Bool) throws {
        var log = DiagnosticLog()
        let element = try Support.element("<header name=\"Subject\" \(attributes)/>")
        let matcher = try #require(Matcher.read(from: element, limits: .standard, log: &log))
        #expect(log.diagnostics.isEmpty)
        #expect((try matcher.match(subject) != nil) == expected)
        #expect(try matcher.matches(subject) == expected)
    }

    static let badMatchers: [(String, String)] = [
        (#"<header name="S"/>"#, "test.xml:1:1: error: <header> needs one matcher: regex, equals, contains, starts-with or ends-with"),
        (#"<header name="S" equals="a" contains="b"/>"#, "test.xml:1:29: error: <header> has equals and contains; a condition takes exactly one matcher"),
        (#"<header name="S" equals="a" flags="s"/>"#, #"test.xml:1:29: error: flags is "s"; a literal equals matcher takes only flags="i" (caseless)"#),
        (#"<header name="S" regex="a" flags="q"/>"#, #"test.xml:1:28: error: unknown pattern flag "q" in "q"; the known flags are i, m, s, x and u"#),
    ]

    @Test(arguments: badMatchers)
    func badMatcher(_ xml: String, _ expected: String) throws {
        var log = DiagnosticLog()
        #expect(Matcher.read(from: try Support.element(xml), limits: .standard, log: &log) == nil)
        #expect(log.diagnostics.map(\.description) == [expected])
    }

    @Test func patternThatDoesNotCompileNamesTheOffset() throws {
        var log = DiagnosticLog()
        let element = try Support.element(#"<header name="S" regex="(ab"/>"#)
        #expect(Matcher.read(from: element, limits: .standard, log: &log) == nil)
        let diagnostic = try #require(log.diagnostics.first)
        #expect(diagnostic.location.column == 18)
        #expect(diagnostic.message.contains("does not compile at offset 3"))
    }
}
