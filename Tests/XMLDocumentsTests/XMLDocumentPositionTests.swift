import Testing
import XMLDocuments

@Suite struct XMLDocumentPositionTests {
    let document: XMLDocument

    init() throws {
        document = try XMLDocument(contentsOf: Fixtures.path("rules.xml"))
    }

    @Test func rootElementHasNameNamespaceAndPosition() {
        let root = document.root
        #expect(root.name == "rules")
        #expect(root.namespaceURI == "urn:mailroute:rules")
        #expect(root.location == SourceLocation(file: Fixtures.path("rules.xml"), line: 3, column: 1))
        #expect(root.attributes.map(\.name) == ["version"], "xmlns is a declaration, not an attribute")
        #expect(root.attribute(named: "version")?.location.line == 3)
        #expect(root.attribute(named: "version")?.location.column == 36)
    }

    @Test func elementsAndAttributesOnOneLineHaveTheirColumns() throws {
        let billing = try #require(document.root.children(named: "rule").first)
        #expect(billing[attribute: "id"] == "billing")
        #expect((billing.location.line, billing.location.column) == (4, 3))
        #expect(billing.attributes.map(\.name) == ["id", "priority"])
        #expect(billing.attributes.map(\.location.column) == [9, 22])
        let match = try #require(billing.firstChild(named: "match"))
        #expect((match.location.line, match.location.column) == (5, 5))
        #expect(match.attributes.map(\.location.column) == [12, 29])
        #expect(match.namespaceURI == "urn:mailroute:rules", "the default namespace is inherited")
    }

    @Test func startTagSpanningLinesIsPlacedAtItsFirstLine() throws {
        let support = try #require(document.root.children(named: "rule").dropFirst().first)
        #expect((support.location.line, support.location.column) == (8, 3))
        let id = try #require(support.attribute(named: "id"))
        let priority = try #require(support.attribute(named: "priority"))
        #expect((id.location.line, id.location.column) == (9, 7))
        #expect((priority.location.line, priority.location.column) == (10, 7))
    }

    @Test func siblingsOnTheSameLineAreTellApart() throws {
        let support = try #require(document.root.children(named: "rule").dropFirst().first)
        #expect(support.children.map(\.name) == ["match", "route"])
        #expect(support.children.map(\.location.column) == [5, 52])
        #expect(support.children.map(\.location.line) == [11, 11])
        let queue = try #require(support.firstChild(named: "route")?.attribute(named: "queue"))
        #expect((queue.location.line, queue.location.column) == (11, 59))
    }

    @Test func columnsCountCharactersNotBytes() {
        let notes = document.root.children(named: "note")
        #expect(notes.map(\.location.column) == [3, 49], "Größe is 5 characters but 7 bytes")
        #expect(notes.last?.attributes.first?.location.column == 55)
    }

    @Test func commentedOutTagsAreNotMistakenForElements() throws {
        let billing = try #require(document.root.firstChild(named: "rule"))
        #expect(billing.location.line == 4, "line 2 holds <rule inside a comment")
    }

    @Test func textJoinsTextAndCDATAAndKeepsOrder() throws {
        let notes = document.root.children(named: "note")
        #expect(notes.first?.text == "Größe <raw> & text ok")
        #expect(notes.last?.text == "zwei & drei")
        #expect(document.root.firstChild(named: "rule")?.text.allSatisfy { $0.isWhitespace } == true)
        let nested = try parse("<a>one<b>two<c>three</c></b>four</a>")
        #expect(nested.root.text == "onefour")
        #expect(nested.root.allText == "onetwothreefour")
    }

    @Test func prefixedAttributesKeepPrefixAndNamespace() throws {
        let attribute = try #require(document.root.children(named: "note").last?.attributes.first)
        #expect(attribute.qualifiedName == "xml:lang")
        #expect(attribute.name == "lang")
        #expect(attribute.namespaceURI == "http://www.w3.org/XML/1998/namespace")
        #expect(attribute.value == "de")
    }

    @Test func bytesAreParsedUnderTheirDisplayName() throws {
        let parsed = try parse("<config>\n\t<mailbox path='/var/mail'/>\n</config>", name: "<stdin>")
        #expect(parsed.file == "<stdin>")
        let mailbox = try #require(parsed.root.firstChild(named: "mailbox"))
        #expect(mailbox.location.description == "<stdin>:2:2")
        #expect(mailbox.attribute(named: "path")?.location.description == "<stdin>:2:11")
        #expect(mailbox[attribute: "path"] == "/var/mail")
    }

    @Test func byteOrderMarkDoesNotShiftColumns() throws {
        let parsed = try XMLDocument(bytes: [0xEF, 0xBB, 0xBF] + Array("<r a='1'/>".utf8), displayName: "bom.xml")
        #expect(parsed.root.location.column == 1)
        #expect(parsed.root.attributes.first?.location.column == 4)
    }

    @Test func utf16DocumentsParseWithLineFallback() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "<r>\n<s/></r>".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let parsed = try XMLDocument(bytes: bytes, displayName: "utf16.xml")
        #expect(parsed.root.children.map(\.name) == ["s"])
        #expect(parsed.root.children.first?.location == SourceLocation(file: "utf16.xml", line: 2, column: 1))
    }
}
