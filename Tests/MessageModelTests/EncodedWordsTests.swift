import Testing

@testable import MessageModel

/// RFC 2047 encoded words as real mailers write them, decoded the way careful clients show them.
struct EncodedWordsTests {
    typealias Case = (input: String, expected: String, defects: [Defect.Kind])

    static let wellFormed: [Case] = [
        ("=?iso-8859-1?Q?Probl=E8me?=", "Problème", []),
        ("=?ISO-8859-1?Q?Eelanal=FC=FCsi_p=E4ring?=", "Eelanalüüsi päring", []),
        ("=?UTF-8?B?44G+44G/44KA44KB44KC?=", "まみむめも", []),
        ("=?utf-8?b?5pel5pys?=", "日本", []),
        ("=?utf-8?q?caf=c3=a9?=", "café", []),
        ("=?EUC-KR?Q?NOTE:_=C7=D1=B1=B9=B8=BB=B7=CE_=C7=CF=B4=C2_=B0=CD?=", "NOTE: 한국말로 하는 것", []),
        ("=?utf-8*en?Q?abc?=", "abc", []),
        ("=?utf-8?Q??=", "", []),
        ("Re: Test: =?UTF-8?B?Iua8ouWtlyI=?= mid =?UTF-8?B?Iua8ouWtlyI=?= tail", "Re: Test: \"漢字\" mid \"漢字\" tail", []),
        ("=?ISO-8859-1?Q?=93hi=94?=", "“hi”", []),
        ("no encoded words here", "no encoded words here", []),
        ("a=?b and c?= d", "a=?b and c?= d", []),
    ]

    static let joined: [Case] = [
        ("=?utf-8?Q?a?= =?utf-8?Q?b?=", "ab", []),
        ("=?utf-8?q?a?=\t  =?UTF-8?Q?b?=", "ab", []),
        ("=?utf-8?Q?a?= b =?utf-8?Q?c?=", "a b c", []),
        ("=?utf-8?q?x?=  =?iso-8859-1?q?=E9?= b", "xé b", []),
        ("=?utf-8?Q?a?==?utf-8?Q?b?=", "ab", []),
        ("foo=?utf-8?Q?bar?=", "foobar", []),
        ("=?utf-8?Q?bar?=foo", "barfoo", []),
        ("=?utf-8?q?a?= =?utf-8?q?b", "a =?utf-8?q?b", [.invalidEncodedWord]),
        ("Re: TEST \t=?ISO-2022-JP?B?GyRCJUYlOSVIGyhC?=  =?ISO-2022-JP?B?GyRCJUYlOSVIGyhC?=", "Re: TEST \tテストテスト", []),
        (
            "=?UTF-8?B?TXlTdXJ2ZXk=?= =?UTF-8?B?LmNvbTogIFk=?= =?UTF-8?B?b3UgaGF2ZSA=?= =?UTF-8?B?YSBzdXJ2ZXk=?= "
                + "=?UTF-8?B?IHdhaXRpbmc=?= =?UTF-8?B?ISAg?= =?UTF-8?Q?91123105?= =?UTF-8?B??=",
            "MySurvey.com:  You have a survey waiting!  91123105", []
        ),
    ]

    /// A character split over two words decodes whole, as the sender meant.
    static let splitCharacters: [Case] = [
        ("=?utf-8?Q?=E6=97?= =?UTF-8?Q?=A5?=", "日", []),
        ("=?utf-8?B?5pc=?= =?utf-8?B?peacrA==?=", "日本", []),
        ("=?shift_jis?B?k/qW?= =?shift_jis?B?ew==?=", "日本", []),
        ("=?iso-2022-jp?B?GyRCRnw=?= =?iso-2022-jp?B?S1wbKEI=?=", "日本", []),
        ("=?utf-8?Q?=E6=97?= =?utf-8?B?pQ==?=", "日", []),
    ]

    static let broken: [Case] = [
        ("=?utf-8?B?aGVsbG8?=", "hello", [.invalidEncodedWord]),
        ("=?utf-8?B?aGV*sbG8=?=", "hello", [.invalidEncodedWord]),
        ("=?NONE?B?VEVTVA=?=", "TEST", [.unknownCharset]),
        ("=?utf-8?B?QQ==QQ==?=", "AA", []),
        ("=?utf-8?B?Q?=", "", [.invalidEncodedWord]),
        ("=?utf-8?Q?hello world?=", "hello world", [.invalidEncodedWord]),
        ("=?utf-8?q?a=?=", "a=", [.invalidEncodedWord]),
        ("=?utf-8?q?a=4?=", "a=4", [.invalidEncodedWord]),
        ("=?utf-8?X?abc?=", "=?utf-8?X?abc?=", [.invalidEncodedWord]),
        ("=??Q?abc?=", "=??Q?abc?=", [.invalidEncodedWord]),
        ("=?*en?Q?abc?=", "=?*en?Q?abc?=", [.invalidEncodedWord]),
        ("Re: =?utf-8?Q?abc", "Re: =?utf-8?Q?abc", [.invalidEncodedWord]),
        ("=?x-unknown?Q?abc=E9?=", "abcé", [.unknownCharset]),
        ("=?x-unknown?Q?caf=C3=A9?=", "café", [.unknownCharset]),
        ("=?utf-8?Q?a=FFb?=", "a\u{FFFD}b", [.invalidCharsetBytes]),
        ("=?us-ascii?Q?caf=E9?=", "café", [.invalidCharsetBytes]),
    ]

    @Test(arguments: wellFormed + joined + splitCharacters + broken)
    func decodes(_ example: Case) {
        var defects: [Defect] = []
        let decoded = EncodedWords.decode(example.input, location: "Subject", defects: &defects)
        #expect(decoded == example.expected, "input \(example.input)")
        #expect(defects.map(\.kind) == example.defects, "input \(example.input)")
        #expect(defects.allSatisfy { $0.location == "Subject" })
    }

    @Test func keepsDefectsAlreadyCollected() {
        var defects = [Defect(.duplicateField, "earlier")]
        _ = EncodedWords.decode("=?bogus?Q?x?=", location: nil, defects: &defects)
        #expect(defects.map(\.kind) == [.duplicateField, .unknownCharset])
    }

    @Test func manyMalformedWordsGiveABoundedListOfDefects() {
        let input = String(repeating: "=?a?q?", count: 200_000)
        var defects: [Defect] = []
        let unchanged = EncodedWords.decode(input, location: "Subject", defects: &defects) == input
        #expect(unchanged)
        #expect(defects.count == DefectLog.limit + 1)
        #expect(defects.last?.detail.hasPrefix("\(200_000 - DefectLog.limit) more") == true)
    }

    @Test func longRunOfWordsDecodesWhole() {
        let input = Array(repeating: "=?utf-8?B?5pel5pys?=", count: 100_000).joined(separator: " ")
        var defects: [Defect] = []
        let decoded = EncodedWords.decode(input, location: nil, defects: &defects)
        let whole = decoded == String(repeating: "日本", count: 100_000)
        #expect(whole)
        #expect(defects.isEmpty)
    }

    @Test func longUnterminatedWordIsKeptAsWritten() {
        let unterminated = "=?utf-8?Q?" + String(repeating: "x", count: 1_000_000)
        var defects: [Defect] = []
        let decoded = EncodedWords.decode(unterminated + " =?utf-8?q?y?=", location: nil, defects: &defects)
        #expect(decoded.utf8.count == unterminated.utf8.count + 2)
        #expect(decoded.hasPrefix(unterminated) && decoded.hasSuffix(" y"))
        #expect(defects.map(\.kind) == [.invalidEncodedWord])
    }
}
