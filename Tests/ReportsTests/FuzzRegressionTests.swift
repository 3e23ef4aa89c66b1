import Reports
import MessageModel
import Testing

/// Inputs on which the fuzzer in `Fuzz/` once found a broken invariant, each
/// with the invariant it broke. See `Fuzz/README.md` for how cases get here.
struct FuzzRegressionTests {
    /// Every character of a text report that a terminal would act on: C0 and C1 controls and DEL, line feeds aside.
    private static func controls(in report: String) -> [UInt32] {
        report.unicodeScalars.map(\.value).filter { $0 != 0x0A && ($0 < 0x20 || $0 == 0x7F || (0x80...0x9F).contains($0)) }
    }

    private static func report(_ message: String, position: String = "inbox.mbox:1 (message 1)") -> String {
        InspectedMessage(message: Message(bytes: Array(message.utf8)), position: position).text()
    }

    /// The fuzzer's input: the Content-Transfer-Encoding of
    /// `multiple_invalid_content_dispositions.eml` with bytes 0xFB 0x06 0x00... in the
    /// middle of "quoted-printable". The unknown encoding's name went into the MIME
    /// line of the text report as written, control characters and all.
    @Test func anUnknownTransferEncodingIsShownEscaped() throws {
        var bytes = Array("Content-Type: text/html;\n charset=utf-8\nContent-Transfer-Encoding: quoted-printab".utf8)
        bytes += [0xFB, 0x06, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]
        bytes += Array("le\n\n<p>foo</p>\n".utf8)
        let report = InspectedMessage(message: Message(bytes: bytes), position: "fuzz").text()
        #expect(Self.controls(in: report).isEmpty)
        #expect(report.contains("quoted-printab\u{FFFD}\\u{6}\\u{0}"))
    }

    /// The same for a terminal escape sequence, the reason the report escapes at all.
    @Test func aTransferEncodingCannotDriveTheTerminal() {
        let report = Self.report("Content-Transfer-Encoding: x-\u{1B}[2J\n\nbody\n")
        #expect(Self.controls(in: report).isEmpty)
        #expect(report.contains("x-\\u{1b}[2J"))
    }

    /// A position comes from a file name, which may hold control characters too.
    @Test func aPositionIsShownEscaped() {
        let report = Self.report("Subject: s\n\nbody\n", position: "Maildir/cur/1.\u{1B}]0;title\u{07}:2,S")
        #expect(Self.controls(in: report).isEmpty)
        #expect(report.hasPrefix("== Maildir/cur/1.\\u{1b}]0;title\\u{7}:2,S ("))
    }
}
