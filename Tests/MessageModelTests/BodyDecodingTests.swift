import MessageModel
import Testing

/// Content-Transfer-Encoding and charset decoding of bodies.
@Suite struct BodyDecodingTests {
    static func leaf(encoding: String, charset: String = "utf-8", body: String) -> Message {
        Message(bytes: Array("Content-Type: text/plain; charset=\(charset)\nContent-Transfer-Encoding: \(encoding)\n\n\(body)".utf8))
    }

    @Test(arguments: [
        ("SGVsbG8sIHdvcmxkIQ==", "Hello, world!", [Defect.Kind]()),
        ("SGVs\nbG8s\r\nIHdv cmxkIQ==\n", "Hello, world!", []),
        ("SGVsbG8sIHdvcmxkIQ", "Hello, world!", []),
        ("SGVs*bG8=", "Hello", [.invalidBase64]),
        ("SGVsbG8=QUJD", "Hello", [.invalidBase64]),
    ])
    func decodesBase64Leniently(input: String, expected: String, defects: [Defect.Kind]) {
        let message = Self.leaf(encoding: "base64", body: input)
        var found: [Defect] = []
        #expect(message.text(of: message.root, defects: &found) == expected)
        #expect(found.map(\.kind) == defects)
    }

    @Test(arguments: [
        ("caf=C3=A9 =\nau lait", "café au lait", [Defect.Kind]()),
        ("trailing   \nspace", "trailing\nspace", []),
        ("100%=3D sure=\r\n!", "100%= sure!", []),
        ("bad =ZZ escape", "bad =ZZ escape", [.invalidQuotedPrintable]),
        ("ends with =", "ends with ", []),
    ])
    func decodesQuotedPrintable(input: String, expected: String, defects: [Defect.Kind]) {
        let message = Self.leaf(encoding: "quoted-printable", body: input)
        var found: [Defect] = []
        #expect(message.text(of: message.root, defects: &found) == expected)
        #expect(found.map(\.kind) == defects)
    }

    @Test func convertsTheCharsetOfTextParts() {
        let bytes = Array("Content-Type: text/plain; charset=iso-8859-1\n\n".utf8) + [0x50, 0x72, 0x6F, 0x62, 0x6C, 0xE8, 0x6D, 0x65]
        let message = Message(bytes: bytes)
        var defects: [Defect] = []
        #expect(message.text(of: message.root, defects: &defects) == "Problème")
        #expect(defects.isEmpty)
    }

    @Test func anUnknownCharsetGivesADefectNotAFailure() {
        let message = Self.leaf(encoding: "7bit", charset: "x-klingon", body: "Qapla'")
        var defects: [Defect] = []
        #expect(message.text(of: message.root, defects: &defects) == "Qapla'")
        #expect(defects.map(\.kind) == [.unknownCharset])
    }

    @Test func aMultipartBodyIsReturnedAsItIs() {
        let message = Message(bytes: Array("Content-Type: multipart/mixed; boundary=b\nContent-Transfer-Encoding: base64\n\n--b\n\nx\n--b--\n".utf8))
        var defects: [Defect] = []
        #expect(String(decoding: message.decodedBody(of: message.root, defects: &defects), as: UTF8.self) == "--b\n\nx\n--b--\n")
    }
}
