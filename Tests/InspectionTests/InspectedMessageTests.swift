import Inspection
import MessageModel
import Testing

/// What an inspection decodes, what it leaves alone, and how it is written out.
@Suite struct InspectedMessageTests {
    static func inspect(_ text: String) -> InspectedMessage {
        InspectedMessage(message: Message(bytes: Array(text.utf8)), position: "test")
    }

    /// A 7 MB attachment is measured, never decoded: its invalid base64 would otherwise raise a defect.
    @Test func attachmentsAreMeasuredNotDecoded() {
        let line = String(repeating: "A", count: 75) + "*\n"
        let attachment = String(repeating: line, count: 7 * 1024 * 1024 / 76)
        let inspected = Self.inspect("""
            Subject: big
            Content-Type: multipart/mixed; boundary=b

            --b
            Content-Type: text/plain

            see attached
            --b
            Content-Type: application/octet-stream
            Content-Transfer-Encoding: base64
            Content-Disposition: attachment; filename=big.bin

            \(attachment)--b--

            """)
        #expect(inspected.parts.map(\.path) == ["", "1", "2"])
        #expect(inspected.parts[2].size >= 7 * 1024 * 1024 - 76)
        #expect(inspected.parts[2].filename == "big.bin")
        #expect(inspected.textExcerpts.map(\.text) == ["see attached"])
        #expect(!inspected.defects.contains { $0.kind == .invalidBase64 })
    }

    @Test func textPartsAreDecodedWithTheirCharset() {
        let inspected = Self.inspect("""
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: base64

            Q2Fmw6kgYXUgbGFpdA==
            """)
        #expect(inspected.textExcerpts.map(\.text) == ["Café au lait"])
    }

    @Test func excerptsAreCut() {
        let inspected = Self.inspect("Subject: long\n\n" + String(repeating: "x", count: 1000))
        #expect(inspected.textExcerpts.first?.text.count == InspectedMessage.excerptLength)
    }

    @Test func eachDefectIsReportedOnce() {
        let inspected = Self.inspect("Subject: =?utf-8?Q?unclosed\nTo: =?x-unknown?Q?A?= <a@example.com>\n\nbody")
        let kinds = inspected.defects.map(\.kind)
        #expect(kinds.filter { $0 == .invalidEncodedWord }.count == 1)
        #expect(kinds.filter { $0 == .unknownCharset }.count == 1)
    }

    @Test func allOccurrencesOfAnAddressFieldAreRead() {
        let inspected = Self.inspect("To: a@example.com\nTo: b@example.com, undisclosed-recipients:;\n\n")
        #expect(inspected.to.addresses.map(\.addrSpec) == ["a@example.com", "b@example.com"])
    }

    @Test func jsonEscapesControlCharactersAndKeepsUTF8() {
        let inspected = Self.inspect("Subject: tab\there \u{1}bell \"quoted\" \\ é\n\n")
        let line = String(decoding: inspected.jsonLine(), as: UTF8.self)
        #expect(line.contains(#""subject":"tab\there \u0001bell \"quoted\" \\ é""#))
        #expect(!line.contains("\n"))
    }

    @Test func textEscapesControlCharacters() {
        let inspected = Self.inspect("Subject: evil \u{1B}[2J terminal\n\n")
        #expect(inspected.text().contains("Subject: evil \\u{1b}[2J terminal"))
    }
}
