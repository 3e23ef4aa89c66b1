import Charsets
import Testing

/// What decoding makes of bytes that do not fit their label, and of labels nobody knows.
struct CharsetProblemTests {
    static let invalidSamples: [(charset: String, bytes: [UInt8], text: String)] = [
        ("utf-8", [0x61, 0xFF, 0x62], "a\u{FFFD}b"),
        ("utf-8", [0x61, 0xE2, 0x82], "a\u{FFFD}"),
        ("shift_jis", [0x61, 0x81, 0x20, 0x62], "a\u{FFFD} b"),
        ("euc-kr", [0xBE, 0xC8, 0xFF, 0x21], "안\u{FFFD}!"),
        ("gb2312", [0xC4, 0xE3, 0xC4], "你\u{FFFD}"),
        ("big5", [0xA4, 0xA4, 0xFF, 0x41], "中\u{FFFD}A"),
        ("iso-8859-6", [0x41, 0xA1, 0x42], "A\u{FFFD}B"),
        ("koi8-r", [0xF0, 0xD2, 0xC9], "При"),
        ("utf-16le", [0x41, 0x00, 0x00, 0xD8, 0x42, 0x00], "A\u{FFFD}B"),
        ("utf-16le", [0x41, 0x00, 0x42], "A\u{FFFD}"),
        ("utf-7", [0x41, 0x80, 0x42], "A\u{FFFD}B"),
        ("iso-2022-jp", [0x1B, 0x24, 0x42, 0x46, 0x7C, 0x8A, 0x1B, 0x28, 0x42, 0x61], "日\u{FFFD}a"),
        ("iso-2022-jp", [0x1B, 0x24, 0x42, 0x46, 0x7C, 0x4B], "日\u{FFFD}"),
    ]

    @Test(arguments: invalidSamples.indices)
    func replacesEachBadSequenceAndGoesOn(_ index: Int) {
        let sample = Self.invalidSamples[index]
        let decoded = CharsetDecoder.decode(sample.bytes, charset: sample.charset)
        #expect(decoded.text == sample.text, "charset \(sample.charset)")
        let expected: CharsetProblem? =
            sample.text.contains("\u{FFFD}") ? .invalidBytes(charset: sample.charset) : nil
        #expect(decoded.problem == expected, "charset \(sample.charset)")
    }

    @Test func everyInvalidByteCostsOneReplacementNotTheRest() {
        let bytes = [UInt8](repeating: 0xFF, count: 10_000) + Array("tail".utf8)
        let decoded = CharsetDecoder.decode(bytes, charset: "euc-kr")
        #expect(decoded.text == String(repeating: "\u{FFFD}", count: 10_000) + "tail")
    }

    @Test func unknownCharsetReadsUTF8() {
        let decoded = CharsetDecoder.decode(Array("Grüße".utf8), charset: "x-klingon")
        #expect(decoded == DecodedText(text: "Grüße", problem: .unknownCharset("x-klingon")))
        #expect(!CharsetDecoder.isKnown("x-klingon"))
    }

    @Test func unknownCharsetFallsBackToWindows1252WhenNotUTF8() {
        let decoded = CharsetDecoder.decode([0x47, 0x72, 0xFC, 0xDF, 0x65, 0x93], charset: "bogus")
        #expect(decoded == DecodedText(text: "Grüße“", problem: .unknownCharset("bogus")))
    }

    @Test(arguments: [
        "utf-8//IGNORE", "UTF-8,ISO-8859-1", "utf-8\u{0}", "ut\u{1B}f", String(repeating: "a", count: 100),
    ])
    func namesThatAreNotCharsetNamesNeverReachIconv(_ name: String) {
        let decoded = CharsetDecoder.decode(Array("abc\u{E9}".utf8), charset: name)
        #expect(decoded == DecodedText(text: "abc\u{E9}", problem: .unknownCharset(name)))
        #expect(!CharsetDecoder.isKnown(name))
    }

    @Test func aTenMegabyteNameIsUnknown() {
        let name = String(repeating: "iso-8859-1", count: 1_000_000)
        #expect(CharsetDecoder.decode([0x41], charset: name).problem == .unknownCharset(name))
    }

    @Test func usASCIIWithUTF8BytesIsReadAsUTF8AndReported() {
        let decoded = CharsetDecoder.decode(Array("Café".utf8), charset: "us-ascii")
        #expect(decoded == DecodedText(text: "Café", problem: .invalidBytes(charset: "us-ascii")))
    }

    @Test func usASCIIWithOtherEightBitBytesIsReadAsWindows1252AndReported() {
        let decoded = CharsetDecoder.decode([0x43, 0x61, 0x66, 0xE9, 0x20, 0x80], charset: "US-ASCII")
        #expect(decoded == DecodedText(text: "Café €", problem: .invalidBytes(charset: "US-ASCII")))
    }

    @Test func emptyCharsetReadsUTF8WithoutProblem() {
        let decoded = CharsetDecoder.decode(Array("naïve".utf8), charset: "")
        #expect(decoded == DecodedText(text: "naïve", problem: nil))
        #expect(CharsetDecoder.isKnown(""))
    }

    @Test func emptyCharsetWithNonUTF8BytesIsReadAsWindows1252AndReported() {
        let decoded = CharsetDecoder.decode([0x6E, 0x61, 0xEF, 0x76, 0x65], charset: " ")
        #expect(decoded == DecodedText(text: "naïve", problem: .invalidBytes(charset: " ")))
    }

    @Test func iso88591IsReadAsWindows1252() {
        let decoded = CharsetDecoder.decode([0x93, 0x48, 0x69, 0x94, 0x20, 0x85, 0x20, 0xE9], charset: "ISO-8859-1")
        #expect(decoded == DecodedText(text: "“Hi” … é", problem: nil))
    }

    @Test func windows1252UnassignedBytesAreC1Controls() {
        let decoded = CharsetDecoder.decode([0x81, 0x8D, 0x8F, 0x90, 0x9D], charset: "windows-1252")
        #expect(decoded == DecodedText(text: "\u{81}\u{8D}\u{8F}\u{90}\u{9D}", problem: nil))
    }

    @Test func everyLatin1ByteDecodes() {
        let bytes = (0...255).map { UInt8($0) }
        let decoded = CharsetDecoder.decode(bytes, charset: "latin1")
        #expect(decoded.problem == nil)
        #expect(decoded.text.unicodeScalars.count == 256)
        #expect(decoded.text.unicodeScalars.last == "ÿ")
    }
}
