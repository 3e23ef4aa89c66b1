import Foundation
import MessageModel
import Testing

/// The MIME tree: multipart boundaries, nesting, encapsulated messages, defaults and limits.
@Suite struct MIMEStructureTests {
    static func message(_ text: String, scope: Message.Scope = .structure, limits: ParseLimits = .standard) -> Message {
        Message(bytes: Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8), scope: scope, limits: limits)
    }

    static func body(_ message: Message, _ part: MIMEPart) -> String {
        String(decoding: message.bytes[part.bodyRange], as: UTF8.self)
    }

    static let nested = """
        Content-Type: multipart/mixed; boundary="outer"

        preamble
        --outer
        Content-Type: multipart/alternative; boundary=outer-inner

        --outer-inner
        Content-Type: text/plain; charset=utf-8

        plain
        --outer-inner
        Content-Type: text/html

        <b>html</b>
        --outer-inner--
        --outer
        Content-Type: message/rfc822

        Subject: inside

        inner body
        --outer
        Content-Type: application/pdf; name="a.pdf"
        Content-Disposition: attachment; filename="report.pdf"
        Content-Transfer-Encoding: base64

        JVBERi0=
        --outer--
        epilogue
        """

    @Test func readsNestedMultipartsWithSimilarBoundaries() {
        let message = Self.message(Self.nested)
        let paths = message.parts.map(\.path)
        #expect(paths == ["", "1", "1.1", "1.2", "2", "2.1", "3"])
        let parts = Dictionary(uniqueKeysWithValues: message.parts.map { ($0.path, $0) })
        #expect(parts["1"]?.contentType.mimeType == "multipart/alternative")
        #expect(parts["1.1"].map { Self.body(message, $0) } == "plain")
        #expect(parts["1.2"].map { Self.body(message, $0) } == "<b>html</b>")
        #expect(parts["2.1"]?.header.first(named: "Subject")?.unfoldedValue == "inside")
        #expect(parts["2.1"].map { Self.body(message, $0) } == "inner body")
        #expect(parts["3"]?.filename == "report.pdf")
        #expect(parts["3"]?.isAttachment == true)
        #expect(parts["3"]?.transferEncoding == .base64)
        #expect(message.defects.isEmpty)
        #expect(message.textParts.map(\.path) == ["1.1", "1.2", "2.1"])
        #expect(message.attachments.map(\.path) == ["3"])
    }

    @Test func headerScopeReadsNoParts() {
        let message = Self.message(Self.nested, scope: .header)
        #expect(message.parts.count == 1)
        #expect(message.root.contentType.mimeType == "multipart/mixed")
    }

    @Test func aMissingCloseDelimiterRunsTheLastPartToTheEnd() {
        let message = Self.message("Content-Type: multipart/mixed; boundary=b\n\n--b\n\nfirst\n--b\n\nsecond\n")
        #expect(message.parts.map(\.path) == ["", "1", "2"])
        #expect(Self.body(message, message.parts[2]) == "second\r\n")
        #expect(message.defects.map(\.kind) == [.missingClosingBoundary])
    }

    @Test func aMultipartWithoutBoundaryOrParts() {
        let noBoundary = Self.message("Content-Type: multipart/mixed\n\n--b\n\nx\n--b--\n")
        #expect(noBoundary.parts.count == 1)
        #expect(noBoundary.defects.map(\.kind) == [.missingBoundary])
        let neverUsed = Self.message("Content-Type: multipart/mixed; boundary=zzz\n\n--b\n\nx\n--b--\n")
        #expect(neverUsed.parts.count == 1)
        #expect(neverUsed.defects.map(\.kind) == [.noPartsInMultipart])
    }

    @Test func delimiterNeedsTheWholeBoundaryAtALineStart() {
        let message = Self.message("Content-Type: multipart/mixed; boundary=b\n\n--b\n\nsee --b here\n--bb\n--b  \n\nsecond\n--b--\n")
        #expect(message.parts.map(\.path) == ["", "1", "2"])
        #expect(Self.body(message, message.parts[1]) == "see --b here\r\n--bb")
    }

    @Test func partsDefaultToTextPlainAndDigestPartsToMessages() {
        let mixed = Self.message("Content-Type: multipart/mixed; boundary=b\n\n--b\n\nx\n--b--\n")
        #expect(mixed.parts[1].contentType.mimeType == "text/plain")
        let digest = Self.message("Content-Type: multipart/digest; boundary=b\n\n--b\n\nSubject: s\n\nx\n--b--\n")
        #expect(digest.parts[1].contentType.mimeType == "message/rfc822")
        #expect(digest.parts.map(\.path) == ["", "1", "1.1"])
    }

    @Test func anInvalidContentTypeFallsBackToTextPlain() {
        let message = Self.message("Content-Type: garbage\n\nx")
        #expect(message.root.contentType.mimeType == "text/plain")
        #expect(message.defects.map(\.kind) == [.invalidContentType])
    }

    /// Media types are split and trimmed the same way whether the token is ASCII or not.
    @Test(arguments: [
        ("Text / HTML ; charset=utf-8", "text/html", false),
        ("text/", "text/plain", true),
        ("/plain", "text/plain", true),
        ("text/pl ain", "text/plain", true),
        ("TEXT/Ünïcode", "text/ünïcode", false),
        ("Ünï / Code", "ünï/code", false),
        ("ü/", "text/plain", true),
    ])
    func mediaTypesAreTrimmedAndLowerCased(value: String, mimeType: String, invalid: Bool) {
        let message = Self.message("Content-Type: \(value)\n\nx")
        #expect(message.root.contentType.mimeType == mimeType)
        #expect(message.defects.map(\.kind) == (invalid ? [.invalidContentType] : []))
    }

    @Test(arguments: [
        (" Base64 ; x=y", TransferEncoding.base64), ("QUOTED-PRINTABLE", .quotedPrintable), ("8bits", .eightBit),
        ("", .sevenBit), ("x-Ünï", .unknown("x-ünï")),
    ])
    func transferEncodingsIgnoreCaseAndParameters(value: String, encoding: TransferEncoding) {
        #expect(TransferEncoding(fieldValue: value) == encoding)
    }

    @Test func nestingIsBoundedWithADefect() {
        var text = "Content-Type: multipart/mixed; boundary=b0\n\n"
        let depth = 1000
        for level in 1..<depth { text += "--b\(level - 1)\nContent-Type: multipart/mixed; boundary=b\(level)\n\n" }
        text += "--b\(depth - 1)\n\ninnermost\n"
        for level in stride(from: depth - 1, through: 0, by: -1) { text += "--b\(level)--\n" }
        let message = Self.message(text)
        #expect(message.parts.count == ParseLimits.standard.maximumNestingDepth + 1)
        #expect(message.defects.map(\.kind) == [.nestingTooDeep])
    }

    @Test func partsAreBoundedWithADefect() {
        var text = "Content-Type: multipart/mixed; boundary=b\n\n"
        for index in 0..<50 { text += "--b\n\npart \(index)\n" }
        text += "--b--\n"
        let limits = ParseLimits(maximumParts: 10)
        let message = Self.message(text, limits: limits)
        #expect(message.parts.count <= 11)
        #expect(message.defects.map(\.kind).contains(.tooManyParts))
    }

    @Test func encodedEncapsulatedMessagesAreNotOpened() {
        let message = Self.message("Content-Type: message/rfc822\nContent-Transfer-Encoding: base64\n\nU3ViamVjdDogeA==\n")
        #expect(message.parts.count == 1)
        #expect(message.defects.map(\.kind) == [.transferEncodingOnComposite])
    }

    @Test func unknownTransferEncodingsAreKeptWithADefect() {
        let message = Self.message("Content-Transfer-Encoding: x-uuencode\n\nbegin 644 a\n")
        #expect(message.root.transferEncoding == .unknown("x-uuencode"))
        #expect(message.defects.map(\.kind) == [.unknownTransferEncoding])
    }
}
