import MessageModel
import Testing

/// The header section: field order, duplicates, unfolding and the framing of broken messages.
@Suite struct HeaderSectionTests {
    static func message(_ text: String, scope: Message.Scope = .structure) -> Message {
        Message(bytes: Array(text.utf8), scope: scope)
    }

    @Test func keepsFieldsInOrderWithDuplicates() {
        let message = Self.message("Received: a\r\nSubject: hi\r\nReceived: b\r\n\r\nbody")
        #expect(message.header.map(\.name) == ["Received", "Subject", "Received"])
        #expect(message.header.fields(named: "received").map(\.unfoldedValue) == ["a", "b"])
        #expect(message.header.first(named: "SUBJECT")?.line == 2)
        #expect(message.defects.isEmpty)
    }

    @Test(arguments: ["\r\n", "\n"])
    func unfoldsContinuationLines(lineEnd: String) {
        let text = "Subject: one\(lineEnd)  two\(lineEnd)\tthree\(lineEnd)\(lineEnd)body"
        let message = Self.message(text)
        #expect(message.header.first(named: "Subject")?.unfoldedValue == "one  two\tthree")
        #expect(String(decoding: message.bytes[message.root.bodyRange], as: UTF8.self) == "body")
    }

    @Test func decodesEncodedWordsInUnstructuredFields() {
        let message = Self.message("Subject: =?iso-8859-1?Q?Probl=E8me?= de connexion\n\n")
        #expect(message.header.first(named: "Subject")?.decodedValue == "Problème de connexion")
    }

    @Test func readsRawUTF8Headers() {
        let message = Self.message("Subject: Заказ 1 не доставлен\n\nbody")
        var defects: [Defect] = []
        #expect(message.header.first(named: "Subject")?.decodedValue(defects: &defects) == "Заказ 1 не доставлен")
        #expect(defects.isEmpty)
    }

    @Test func invalidUTF8InAHeaderIsReplacedWithADefect() {
        let bytes = Array("Subject: caf".utf8) + [0xE9] + Array("\n\n".utf8)
        let message = Message(bytes: bytes)
        var defects: [Defect] = []
        #expect(message.header.first(named: "Subject")?.decodedValue(defects: &defects) == "caf\u{FFFD}")
        #expect(defects.map(\.kind) == [.invalidUTF8Header])
    }

    @Test func aMessageWithoutBlankLineIsAllHeader() {
        let message = Self.message("From: a@example.com\nSubject: only headers")
        #expect(message.header.count == 2)
        #expect(message.root.bodyRange.isEmpty)
        #expect(message.defects.isEmpty)
    }

    @Test func aLineThatIsNotAFieldStartsTheBody() {
        let message = Self.message("Subject: x\nthis is not a field\nmore\n")
        #expect(message.header.count == 1)
        #expect(String(decoding: message.bytes[message.root.bodyRange], as: UTF8.self) == "this is not a field\nmore\n")
        #expect(message.defects.map(\.kind) == [.missingHeaderBodySeparator])
    }

    @Test func skipsAnMboxSeparatorLineAndALeadingContinuation() {
        let message = Self.message("From someone Mon Nov  2 09:00:00 2026\n continued\nSubject: x\n\n")
        #expect(message.header.map(\.name) == ["Subject"])
        #expect(message.defects.map(\.kind) == [.leadingContinuationLine])
    }

    @Test func acceptsWhiteSpaceBeforeTheColon() {
        let message = Self.message("Subject : spaced\n\n")
        #expect(message.header.first(named: "Subject")?.unfoldedValue == "spaced")
    }

    @Test func bareCarriageReturnsAndNulBytesAreDefects() {
        let message = Message(bytes: Array("Subject: a\rX-Other: b\0c\n\nbody".utf8))
        #expect(message.header.map(\.name) == ["Subject", "X-Other"])
        #expect(Set(message.defects.map(\.kind)) == [.bareCarriageReturn, .nulByte])
    }

    /// Line ends and NUL bytes are found eight bytes at a time: at every offset in a word, and past the last word.
    @Test(arguments: 0..<17)
    func findsLineEndsAndNulBytesAtEveryOffset(offset: Int) {
        let padding = String(repeating: "p", count: offset)
        let crlf = Self.message("X-Long: \(padding)\r\nX-Next: \(padding)\n\n")
        #expect(crlf.header.map(\.unfoldedValue) == [padding, padding])
        #expect(crlf.defects.isEmpty)
        let nul = Message(bytes: Array("X-Nul: \(padding)\0\(padding)\nSubject: s\n\n".utf8))
        #expect(nul.header.map(\.name) == ["X-Nul", "Subject"])
        #expect(nul.header.first(named: "x-nul")?.rawValue.count == 2 * offset + 2)
        #expect(nul.defects.map(\.kind) == [.nulByte])
        let bareCR = Self.message("X-Long: \(padding)\rSubject: s\n\n")
        #expect(bareCR.header.map(\.name) == ["X-Long", "Subject"])
        #expect(bareCR.defects.map(\.kind) == [.bareCarriageReturn])
    }

    /// Names keep the case they are written in, however common the name; lookups ignore case.
    @Test func namesKeepTheirSpellingAndMatchInAnyCase() {
        let message = Self.message("SUBJECT: a\nMessage-Id: b\nmessage-id: c\nX-Custom-Header-Name: d\nContent-Transfer-Encoding: 7bit\n\n")
        #expect(message.header.map(\.name) == ["SUBJECT", "Message-Id", "message-id", "X-Custom-Header-Name", "Content-Transfer-Encoding"])
        #expect(message.header.map(\.lowercasedName)
            == ["subject", "message-id", "message-id", "x-custom-header-name", "content-transfer-encoding"])
        #expect(message.header.fields(named: "MESSAGE-ID").map(\.unfoldedValue) == ["b", "c"])
        #expect(message.header.first(named: "x-CUSTOM-header-NAME")?.unfoldedValue == "d")
        #expect(message.header.first(named: "Subject")?.unfoldedValue == "a")
        #expect(!message.header.contains("Subjec"))
        #expect(HeaderField(name: "X-Ünïcode", rawValue: [], line: 1).lowercasedName == "x-ünïcode")
    }

    @Test func anEmptyMessageIsADefectNotAFailure() {
        let message = Message(bytes: [])
        #expect(message.header.isEmpty)
        #expect(message.defects.map(\.kind) == [.emptyMessage])
    }

    @Test func headerFieldsBeyondTheLimitAreDroppedWithADefect() {
        let text = "Subject: first\n" + String(repeating: "X-Filler: x\n", count: 100_000) + "\nbody"
        let message = Self.message(text)
        #expect(message.header.count == ParseLimits.standard.maximumHeaderFields)
        #expect(message.header.first(named: "Subject")?.unfoldedValue == "first")
        #expect(message.defects.map(\.kind) == [.tooManyHeaderFields])
    }

    @Test func aTenMegabyteHeaderStillParses() {
        let long = String(repeating: "word ", count: 2_000_000)
        let message = Self.message("Subject: \(long)\n\nbody")
        #expect(message.header.first(named: "Subject")?.rawValue.count == long.utf8.count + 1)
        #expect(String(decoding: message.bytes[message.root.bodyRange], as: UTF8.self) == "body")
    }
}
