import Testing

import MessageModel

/// Inputs on which the fuzzer in `Fuzz/` once found a broken invariant, each
/// with the invariant it broke. See `Fuzz/README.md` for how cases get here.
struct FuzzRegressionTests {
    private static func message(_ lines: [String], maximumParts: Int) -> Message {
        let bytes = Array(lines.joined(separator: "\r\n").utf8)
        return Message(bytes: bytes, scope: .structure, limits: ParseLimits(maximumParts: maximumParts))
    }

    private static func kinds(_ message: Message) -> [Defect.Kind] {
        message.defects.map(\.kind)
    }

    /// `raw_email7.eml` of the shared corpus, reduced: a multipart whose first part
    /// is a multipart of four. With `maximumParts: 6` the inner multipart used up
    /// the limit, and the outer one then took the limit for a missing close
    /// delimiter: it read its second part anyway, as a seventh part running over
    /// its close delimiter, with a false `missing-closing-boundary` defect and no
    /// `too-many-parts` defect.
    @Test func aMultipartCutShortByThePartLimitKeepsTheLimit() {
        let message = Self.message([
            "Content-Type: multipart/mixed; boundary=outer", "",
            "--outer",
            "Content-Type: multipart/mixed; boundary=inner", "",
            "--inner", "", "one",
            "--inner", "", "two",
            "--inner", "", "three",
            "--inner", "", "four",
            "--inner--",
            "--outer",
            "Content-Type: application/pkcs7-signature", "",
            "signature",
            "--outer--", "",
        ], maximumParts: 6)
        #expect(message.parts.map(\.path) == ["", "1", "1.1", "1.2", "1.3", "1.4"])
        #expect(Self.kinds(message) == [.tooManyParts])
    }

    /// The limit reached by the very part before the close delimiter: the multipart is whole, nothing is reported.
    @Test func aMultipartClosedWithItsLastAllowedPartIsWhole() {
        let message = Self.message([
            "Content-Type: multipart/mixed; boundary=b", "",
            "--b", "", "one",
            "--b", "", "two",
            "--b--", "",
        ], maximumParts: 3)
        #expect(message.parts.map(\.path) == ["", "1", "2"])
        #expect(Self.kinds(message).isEmpty)
    }

    /// An unclosed multipart whose last part would pass the limit: the part is not
    /// read, and the limit, not only the missing delimiter, is reported.
    @Test func anUnclosedMultipartDoesNotReadAPartPastTheLimit() {
        let message = Self.message([
            "Content-Type: multipart/mixed; boundary=b", "",
            "--b", "", "one",
            "--b", "", "two",
        ], maximumParts: 2)
        #expect(message.parts.map(\.path) == ["", "1"])
        #expect(Self.kinds(message) == [.missingClosingBoundary, .tooManyParts])
    }
}
