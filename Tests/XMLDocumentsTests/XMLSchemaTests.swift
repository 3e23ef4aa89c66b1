import Testing
import XMLDocuments

@Suite struct XMLSchemaTests {
    let schema: XMLSchema

    init() throws {
        schema = try XMLSchema(contentsOf: Fixtures.path("routing.rng"))
    }

    @Test func validDocumentHasNoViolations() throws {
        #expect(try schema.validate(contentsOf: Fixtures.path("valid-rules.xml")).isEmpty)
        let document = try XMLDocument(contentsOf: Fixtures.path("valid-rules.xml"), validatingAgainst: schema)
        #expect(document.root.children(named: "rule").count == 1)
    }

    @Test func everyViolationIsReportedAtItsElement() throws {
        let path = Fixtures.path("invalid-rules.xml")
        let violations = try schema.validate(contentsOf: path)
        #expect(violations.map(\.description) == [
            "\(path):3:3: error: Type integer doesn't allow value 'high'",
            "\(path):3:3: error: Element rule failed to validate attributes",
            "\(path):6:3: error: Element rule failed to validate attributes",
            "\(path):11:5: error: Did not expect element archive there",
        ])
    }

    @Test func parsingWithASchemaThrowsTheViolations() throws {
        let path = Fixtures.path("invalid-rules.xml")
        let expected = try schema.validate(contentsOf: path)
        #expect(throws: XMLError.invalid(expected)) {
            try XMLDocument(contentsOf: path, validatingAgainst: schema)
        }
    }

    @Test func violationsInBytesUseTheDisplayName() throws {
        let text = "<rules xmlns=\"urn:mailroute:rules\" version=\"1\">\n  <rule id=\"a\" priority=\"2\"/>\n</rules>"
        let violations = try schema.validate(bytes: Array(text.utf8), displayName: "<stdin>")
        #expect(violations.map(\.location.description) == ["<stdin>:2:3"])
        #expect(violations.first?.message == "Expecting an element , got nothing", "libxml2 leaves the name out")
    }

    @Test func malformedDocumentIsThrownNotReturned() {
        #expect(throws: XMLError.self) {
            try schema.validate(bytes: Array("<rules>".utf8), displayName: "cut.xml")
        }
    }

    @Test func schemaFromTextWorks() throws {
        let inline = try XMLSchema(
            text: "<element name='config' xmlns='http://relaxng.org/ns/structure/1.0'><empty/></element>",
            displayName: "config.rng")
        #expect(inline.file == "config.rng")
        #expect(try inline.validate(bytes: Array("<config/>".utf8), displayName: "a.xml").isEmpty)
        let violations = try inline.validate(bytes: Array("<settings/>".utf8), displayName: "b.xml")
        #expect(violations.map(\.location.description) == ["b.xml:1:1"])
    }

    @Test func malformedSchemaNamesTheSchemaFile() {
        let text = "<grammar xmlns=\"http://relaxng.org/ns/structure/1.0\">\n  <start>\n</grammar>"
        let error = #expect(throws: XMLError.self) { try XMLSchema(text: text, displayName: "broken.rng") }
        guard case .unusableSchema(let file, let problems) = error else {
            Issue.record("expected unusableSchema, got \(String(describing: error))")
            return
        }
        #expect(file == "broken.rng")
        #expect(problems.first?.description
            == "broken.rng:3:11: error: Opening and ending tag mismatch: start line 2 and grammar")
    }

    @Test func invalidRelaxNGIsLocatedInTheSchema() {
        let text = """
            <grammar xmlns="http://relaxng.org/ns/structure/1.0">
              <start>
                <element name="rules"><elem name="x"/></element>
              </start>
            </grammar>
            """
        let error = #expect(throws: XMLError.self) { try XMLSchema(text: text, displayName: "wrong.rng") }
        #expect(error?.diagnostics.first?.location.description == "wrong.rng:3:27")
        #expect(error?.description.hasPrefix("wrong.rng: error: the schema cannot be used\n") == true)
    }

    @Test func schemaIncludesAreNeverLoaded() {
        let text = """
            <grammar xmlns="http://relaxng.org/ns/structure/1.0">
              <include href="/etc/passwd"/>
            </grammar>
            """
        let error = #expect(throws: XMLError.self) { try XMLSchema(text: text, displayName: "include.rng") }
        #expect(error?.diagnostics.first?.description == "include.rng:2:3: error: xmlRelaxNG: could not load /etc/passwd")
    }

    @Test func missingSchemaFileIsUnreadable() {
        let path = Fixtures.path("missing.rng")
        #expect(throws: XMLError.unreadable(file: path, reason: "No such file or directory")) {
            try XMLSchema(contentsOf: path)
        }
    }
}
