import Testing
import XMLDocuments

@Suite struct MalformedXMLTests {
    @Test func unclosedTagReportsEveryParserErrorWithPosition() {
        let path = Fixtures.path("unclosed.xml")
        #expect(throws: XMLError.malformed([
            XMLDiagnostic(
                location: SourceLocation(file: path, line: 5, column: 9),
                message: "Opening and ending tag mismatch: rule line 3 and rules"),
            XMLDiagnostic(
                location: SourceLocation(file: path, line: 6, column: 1),
                message: "Premature end of data in tag rules line 2"),
        ])) {
            try XMLDocument(contentsOf: path)
        }
    }

    @Test func unquotedAttributeValueIsReportedWhereTheQuoteWasExpected() throws {
        let diagnostics = try #require(malformedDiagnostics("<rules>\n  <rule id=billing/>\n</rules>", name: "r.xml"))
        #expect(diagnostics.first?.description == "r.xml:2:12: error: AttValue: \" or ' expected")
        #expect(diagnostics.allSatisfy { $0.severity == .error })
    }

    @Test func duplicateAttributeIsReported() throws {
        let diagnostics = try #require(malformedDiagnostics("<r>\n  <a x=\"1\" x=\"2\"/>\n</r>", name: "d.xml"))
        #expect(diagnostics.map(\.description) == ["d.xml:2:17: error: Attribute x redefined"])
    }

    @Test func undeclaredEntityIsReported() throws {
        let diagnostics = try #require(malformedDiagnostics("<r>&nbsp;</r>"))
        #expect(diagnostics.map(\.message) == ["Entity 'nbsp' not defined"])
    }

    @Test func emptyAndTextOnlyInputIsMalformed() throws {
        #expect(malformedDiagnostics("")?.map(\.message) == ["the document is empty"])
        let diagnostics = try #require(malformedDiagnostics("just text"))
        #expect(diagnostics.first?.location.line == 1)
    }

    @Test func warningsAreKeptWithoutFailingTheParse() throws {
        let document = try parse("<?xml version=\"1.1\"?>\n<r/>", name: "w.xml")
        #expect(document.root.name == "r")
        #expect(document.warnings.map(\.description) == ["w.xml:1:20: warning: Unsupported version '1.1'"])
    }

    @Test func errorDescriptionListsOneDiagnosticPerLine() {
        let error = XMLError.malformed([
            XMLDiagnostic(location: SourceLocation(file: "a.xml", line: 1, column: 2), message: "first"),
            XMLDiagnostic(location: SourceLocation(file: "a.xml", line: 3, column: 4), message: "second"),
        ])
        #expect(error.description == "a.xml:1:2: error: first\na.xml:3:4: error: second")
        #expect(error.diagnostics.count == 2)
    }

    @Test func missingFileAndDirectoryAreUnreadable() {
        let missing = Fixtures.path("no-such-file.xml")
        #expect(throws: XMLError.unreadable(file: missing, reason: "No such file or directory")) {
            try XMLDocument(contentsOf: missing)
        }
        #expect(throws: XMLError.unreadable(file: Fixtures.folder, reason: "it is a directory")) {
            try XMLDocument(contentsOf: Fixtures.folder)
        }
    }

    @Test func excessiveNestingIsRefusedNotCrashed() throws {
        let text = String(repeating: "<a>", count: 5000) + String(repeating: "</a>", count: 5000)
        let diagnostics = try #require(malformedDiagnostics(text))
        #expect(diagnostics.contains { $0.message.contains("Excessive depth") })
    }

    @Test func diagnosticsAreCappedWithASummary() throws {
        let text = "<r>" + String(repeating: "<a x='1' x='2'/>", count: 10) + "</r>"
        let limits = XMLParsingLimits(maximumDiagnostics: 3)
        let error = #expect(throws: XMLError.self) { try parse(text, limits: limits) }
        #expect(error?.diagnostics.count == 3)
        #expect(error?.diagnostics.last?.message == "8 more problems not shown")
    }
}
