extension CharsetLabels {
    /// How a label is decoded: the table first, then the label without an
    /// `x-` prefix, then whatever iconv knows under the name as written.
    static func decoding(for label: String) -> CharsetDecoding {
        if let common = commonDecoding(for: label) { return common }
        guard let key = key(label) else { return .unknown }
        if key.isEmpty { return .unlabeled }
        if let known = table[key] { return known }
        if key.hasPrefix("x"), let known = table[String(key.dropFirst())] { return known }
        guard let name = iconvName(label) else { return .unknown }
        for candidate in [name, key] where IconvConverter(from: candidate) != nil {
            // iconv's own names give no promise about ASCII, so no fast path.
            return .iconv(IconvCharset(candidate, .never))
        }
        return .unknown
    }

    /// The decoding of the labels most mail carries, spelled as most mail
    /// spells them, found without building a key: nearly every decode asks.
    private static func commonDecoding(for label: String) -> CharsetDecoding? {
        var label = label
        return label.withUTF8 { name -> CharsetDecoding? in
            if equalsIgnoringCase(name, "utf-8") { return .utf8 }
            if equalsIgnoringCase(name, "us-ascii") { return .ascii }
            if equalsIgnoringCase(name, "iso-8859-1") || equalsIgnoringCase(name, "windows-1252") {
                return .windows1252
            }
            return nil
        }
    }

    private static func equalsIgnoringCase(_ name: UnsafeBufferPointer<UInt8>, _ lowercase: StaticString) -> Bool {
        guard name.count == lowercase.utf8CodeUnitCount else { return false }
        let expected = UnsafeBufferPointer(start: lowercase.utf8Start, count: lowercase.utf8CodeUnitCount)
        for (byte, wanted) in zip(name, expected) where byte != wanted && byte | 0x20 != wanted {
            return false
        }
        return true
    }

    /// Labels by ``key(_:)``.
    static let table: [String: CharsetDecoding] = {
        var table: [String: CharsetDecoding] = [:]
        func add(_ decoding: CharsetDecoding, _ labels: [String]) {
            for label in labels {
                if let key = key(label) { table[key] = decoding }
            }
        }
        func iconv(_ name: String, _ reading: IconvCharset.ASCIIReading = .whenSevenBit, unitSize: Int = 1)
            -> CharsetDecoding
        {
            .iconv(IconvCharset(name, reading, unitSize: unitSize))
        }
        add(.utf8, ["utf-8", "unicode-1-1-utf-8", "unicode-2-0-utf-8", "unicode20utf8"])
        add(.ascii, [
            "us-ascii", "ascii", "ansi_x3.4-1968", "ansi_x3.4-1986", "iso646-us", "us", "ibm367", "cp367",
            "csascii", "iso-ir-6", "iso_646.irv:1991",
        ])
        add(.unlabeled, ["unknown-8bit"])
        add(.windows1252, [
            "iso-8859-1", "iso_8859-1:1987", "latin1", "l1", "iso-ir-100", "csisolatin1", "ibm819", "cp819",
            "windows-1252", "cp1252", "win-1252", "ms-ansi", "user-defined",
        ])
        for number in [2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16] {
            add(iconv("ISO-8859-\(number)"), ["iso-8859-\(number)"])
        }
        for (latin, number) in [(2, 2), (3, 3), (4, 4), (6, 10), (7, 13), (8, 14), (9, 15), (10, 16)] {
            add(iconv("ISO-8859-\(number)"), ["latin\(latin)", "l\(latin)"])
        }
        add(iconv("ISO-8859-6"), ["iso-8859-6-e", "iso-8859-6-i", "arabic"])
        add(iconv("ISO-8859-7"), ["greek", "greek8"])
        add(iconv("ISO-8859-8"), ["iso-8859-8-e", "iso-8859-8-i", "hebrew", "visual", "logical"])
        add(iconv("ISO-8859-5"), ["cyrillic"])
        for number in 1250...1258 where number != 1252 {
            add(iconv("WINDOWS-\(number)"), ["windows-\(number)", "cp\(number)", "win-\(number)"])
        }
        add(iconv("WINDOWS-1254"), ["iso-8859-9", "latin5", "l5"])
        add(iconv("WINDOWS-874"), ["windows-874", "cp874", "tis-620", "iso-8859-11", "dos-874"])
        add(iconv("KOI8-R"), ["koi8-r", "koi8", "cskoi8r"])
        add(iconv("KOI8-U"), ["koi8-u"])
        add(iconv("KOI8-RU"), ["koi8-ru"])
        add(iconv("IBM866"), ["ibm866", "cp866", "866", "csibm866"])
        add(iconv("CP850"), ["ibm850", "cp850", "850"])
        add(iconv("CP437"), ["ibm437", "cp437", "437"])
        add(iconv("MACINTOSH"), ["macintosh", "mac", "mac-roman", "csmacintosh"])
        add(iconv("MAC-CYRILLIC"), ["mac-cyrillic", "mac-ukrainian"])
        add(iconv("CP932"), [
            "shift_jis", "shift-jis", "sjis", "ms_kanji", "csshiftjis", "windows-31j", "cp932", "ms932",
        ])
        add(iconv("EUC-JP-MS"), ["euc-jp", "cseucpkdfmtjapanese", "eucjp-ms", "cp51932"])
        add(.iso2022JP, ["iso-2022-jp", "csiso2022jp", "cp50220", "cp50221", "cp50222"])
        add(iconv("ISO-2022-JP-2", .whenSevenBitWithoutShifts), ["iso-2022-jp-2", "csiso2022jp2"])
        add(iconv("ISO-2022-JP-3", .whenSevenBitWithoutShifts), ["iso-2022-jp-3"])
        add(iconv("CP949"), [
            "euc-kr", "ks_c_5601-1987", "ks_c_5601-1989", "ks_c_5601", "ksc5601", "ksc_5601", "ks_x_1001",
            "cseuckr", "csksc56011987", "iso-ir-149", "korean", "windows-949", "cp949", "ms949", "uhc",
        ])
        add(iconv("ISO-2022-KR", .whenSevenBitWithoutShifts), ["iso-2022-kr", "csiso2022kr"])
        add(iconv("GB18030"), [
            "gb2312", "gb_2312", "gb_2312-80", "csgb2312", "chinese", "iso-ir-58", "csiso58gb231280", "gbk",
            "cp936", "ms936", "windows-936", "euc-cn", "gb18030",
        ])
        add(iconv("ISO-2022-CN", .whenSevenBitWithoutShifts), ["iso-2022-cn", "csiso2022cn"])
        add(iconv("BIG5-HKSCS"), ["big5", "big5-hkscs", "cn-big5", "csbig5", "x-big5", "cp950"])
        add(iconv("UTF-7", .never), ["utf-7", "unicode-1-1-utf-7", "csunicode11utf7"])
        add(iconv("UTF-16", .never, unitSize: 2), ["utf-16", "unicode", "ucs-2", "csunicode", "iso-10646-ucs-2"])
        add(iconv("UTF-16LE", .never, unitSize: 2), ["utf-16le", "unicodefeff"])
        add(iconv("UTF-16BE", .never, unitSize: 2), ["utf-16be", "unicodefffe"])
        add(iconv("UTF-32", .never, unitSize: 4), ["utf-32", "ucs-4", "iso-10646-ucs-4"])
        add(iconv("UTF-32LE", .never, unitSize: 4), ["utf-32le"])
        add(iconv("UTF-32BE", .never, unitSize: 4), ["utf-32be"])
        return table
    }()
}
