import Charsets
import Testing

/// Labels as real mail spells them, and the supersets mailroute reads in place
/// of the subsets senders name.
struct CharsetLabelTests {
    static let aliases: [(label: String, bytes: [UInt8], text: String)] = [
        ("ks_c_5601-1987", [0xBE, 0xC8, 0x8C, 0x63], "안똠"),
        ("x-sjis", [0x93, 0xFA], "日"),
        ("Shift-JIS", [0x93, 0xFA], "日"),
        ("windows-31j", [0x93, 0xFA], "日"),
        ("cp-850", [0x82], "é"),
        ("utf8", [0xC3, 0xA9], "é"),
        ("\"UTF-8\"", [0xC3, 0xA9], "é"),
        (" Utf-8 ", [0xC3, 0xA9], "é"),
        ("latin1", [0xE9], "é"),
        ("ISO_8859-1:1987", [0xE9], "é"),
        ("x-user-defined", [0xE9, 0x80], "é€"),
        ("unicode-1-1-utf-7", [0x2B, 0x49, 0x4B, 0x77, 0x2D, 0x31], "€1"),
        ("ANSI_X3.4-1968", [0x41], "A"),
        ("iso8859-2", [0xB1], "ą"),
        ("ISO_8859-2", [0xB1], "ą"),
        ("x-gbk", [0xC4, 0xE3], "你"),
        ("x-euc-jp", [0xC6, 0xFC], "日"),
        ("x-mac-roman", [0x8E], "é"),
        ("x-cp1250", [0xB9], "ą"),
        // Not in mailroute's table: iconv's own name is used as written.
        ("IBM037", [0xC8, 0x89], "Hi"),
    ]

    @Test(arguments: aliases.indices)
    func readsAlias(_ index: Int) {
        let alias = Self.aliases[index]
        let decoded = CharsetDecoder.decode(alias.bytes, charset: alias.label)
        #expect(decoded == DecodedText(text: alias.text, problem: nil), "label \(alias.label)")
        #expect(CharsetDecoder.isKnown(alias.label))
    }

    static let supersets: [(label: String, bytes: [UInt8], text: String)] = [
        // GB18030 four-byte sequence under a GB2312 label.
        ("gb2312", [0x95, 0x32, 0x82, 0x36, 0xD6, 0xD0], "𠀀中"),
        // NEC special characters; 0x5C stays a backslash, not a yen sign.
        ("shift_jis", [0x87, 0x40, 0x87, 0x8A, 0x5C], "①㈱\\"),
        ("euc-jp", [0xAD, 0xA1], "①"),
        ("euc-kr", [0x8C, 0x63], "똠"),
        ("big5", [0x9D, 0xEF], "嘅"),
        ("iso-8859-9", [0xF0, 0x93, 0x94], "ğ“”"),
        ("tis-620", [0xA1, 0x96], "ก–"),
    ]

    @Test(arguments: supersets.indices)
    func readsSupersetOfLabel(_ index: Int) {
        let sample = Self.supersets[index]
        let decoded = CharsetDecoder.decode(sample.bytes, charset: sample.label)
        #expect(decoded == DecodedText(text: sample.text, problem: nil), "label \(sample.label)")
    }

    static let iso2022JPExtensions: [(name: String, bytes: [UInt8], text: String)] = [
        ("half-width katakana by escape", [0x1B, 0x28, 0x49, 0x31, 0x32, 0x1B, 0x28, 0x42], "ｱｲ"),
        ("half-width katakana by SO/SI", [0x0E, 0x31, 0x32, 0x0F, 0x41], "ｱｲA"),
        ("NEC row 13", [0x1B, 0x24, 0x42, 0x2D, 0x21, 0x2D, 0x6A, 0x1B, 0x28, 0x42], "①㈱"),
        ("JIS X 0212", [0x1B, 0x24, 0x28, 0x44, 0x30, 0x5F, 0x1B, 0x28, 0x42], "你"),
        ("JIS X 0208-1978 and JIS-Roman", [0x1B, 0x24, 0x40, 0x46, 0x7C, 0x1B, 0x28, 0x4A, 0x61], "日a"),
        ("JIS X 0208-1990 announcer", [0x1B, 0x26, 0x40, 0x1B, 0x24, 0x42, 0x46, 0x7C], "日"),
        ("line end without switching back", [0x1B, 0x24, 0x42, 0x46, 0x7C, 0x0A, 0x61], "日\na"),
        ("ISO-2022-JP-2 GB2312", [0x1B, 0x24, 0x41, 0x44, 0x63, 0x1B, 0x28, 0x42], "你"),
    ]

    @Test(arguments: iso2022JPExtensions.indices)
    func readsISO2022JPExtension(_ index: Int) {
        let sample = Self.iso2022JPExtensions[index]
        let decoded = CharsetDecoder.decode(sample.bytes, charset: "ISO-2022-JP")
        #expect(decoded == DecodedText(text: sample.text, problem: nil), "\(sample.name)")
    }

    @Test func sevenBitISO2022JPWithoutEscapesIsASCII() {
        let decoded = CharsetDecoder.decode(Array("Re: hello".utf8), charset: "iso-2022-jp")
        #expect(decoded == DecodedText(text: "Re: hello", problem: nil))
    }

    @Test func utf16FindsByteOrderFromMark() {
        let little = CharsetDecoder.decode([0xFF, 0xFE, 0x41, 0x00, 0xE5, 0x65], charset: "utf-16")
        let big = CharsetDecoder.decode([0xFE, 0xFF, 0x00, 0x41, 0x65, 0xE5], charset: "UTF-16")
        #expect(little == DecodedText(text: "A日", problem: nil))
        #expect(big == DecodedText(text: "A日", problem: nil))
    }
}
