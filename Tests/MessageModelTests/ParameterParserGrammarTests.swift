import Testing

@testable import MessageModel

/// The RFC 2045 and RFC 2231 grammar, and the junk real mailers write instead.
struct ParameterParserGrammarTests {
    typealias Case = ParameterParserTests.Case

    static let grammar: [Case] = [
        Case(value: "", token: "", parameters: [:]),
        Case(value: "inline", token: "inline", parameters: [:]),
        Case(value: "  Text/HTML  ", token: "Text/HTML", parameters: [:]),
        Case(value: "text / plain; charset=x", token: "text/plain", parameters: ["charset": "x"]),
        Case(value: "text/plain; charset=us-ascii (Plain text)", token: "text/plain", parameters: ["charset": "us-ascii"]),
        Case(
            value: "(c1) text/plain (c2 (nested)) ; (c3) charset (c4) = (c5) \"utf-8\" (c6)", token: "text/plain",
            parameters: ["charset": "utf-8"]),
        Case(
            value: "attachment; filename=\"a \\\"quoted\\\" name.txt\"", token: "attachment",
            parameters: ["filename": "a \"quoted\" name.txt"]),
        Case(
            value: "attachment; filename=\"semi;colon (not a comment).txt\"", token: "attachment",
            parameters: ["filename": "semi;colon (not a comment).txt"]),
        Case(value: "text/plain; charset=utf-8;", token: "text/plain", parameters: ["charset": "utf-8"]),
        Case(value: "text/plain;; charset=utf-8 ;", token: "text/plain", parameters: ["charset": "utf-8"]),
        Case(value: "attachment; filename=; size=\"\"", token: "attachment", parameters: ["filename": "", "size": ""]),
        Case(value: "a; x*y=1", token: "a", parameters: ["x*y": "1"]),
        Case(value: "multipart/mixed; boundary=\"=?utf-8?q?x?=\"", token: "multipart/mixed", parameters: ["boundary": "=?utf-8?q?x?="]),
    ]

    static let rfc2231: [Case] = [
        Case(value: "a; title*=us-ascii'en-us'This%20is%20%2A%2A%2Afun%2A%2A%2A", token: "a", parameters: ["title": "This is ***fun***"]),
        Case(value: "a; filename*=''%E2%82%AC", token: "a", parameters: ["filename": "€"]),
        Case(
            value: "attachment; filename*1=\"part two\"; filename*0*=utf-8''%E2%82%AC%20; filename*2*=%E2%82%AC",
            token: "attachment", parameters: ["filename": "€ part two€"]),
        Case(value: "a; filename*0*=utf-8''%E6%97; filename*1*=%A5.txt", token: "a", parameters: ["filename": "日.txt"]),
        Case(
            value: "a; filename*0*=shift_jis''%93; filename*1*=%FA%96%7B.txt", token: "a", parameters: ["filename": "日本.txt"]),
        Case(
            value: "a; name*0=\"=?utf-8?B?5pel\"; name*1=\"5pys?=.pdf\"", token: "a", parameters: ["name": "日本.pdf"]),
        // RFC 2231 wins over the plain fallback; Python's email keeps the first ("fallback.pdf").
        Case(
            value: "attachment; filename=\"fallback.pdf\"; filename*=UTF-8''%E2%82%AC.pdf", token: "attachment",
            parameters: ["filename": "€.pdf"]),
        Case(
            value: "attachment; filename*0=\"a\"; filename*1=\"b\"; filename=\"ab-fallback\"", token: "attachment",
            parameters: ["filename": "ab"]),
    ]

    static let junk: [Case] = [
        Case(
            value: "text/plain charset=us-ascii format=flowed", token: "text/plain",
            parameters: ["charset": "us-ascii", "format": "flowed"], defects: [.invalidParameter, .invalidParameter]),
        Case(
            value: "attachment filename=abc.pdf", token: "attachment", parameters: ["filename": "abc.pdf"],
            defects: [.invalidParameter]),
        Case(
            value: "text/plain; charset=utf-8; charset=iso-8859-1", token: "text/plain", parameters: ["charset": "utf-8"],
            defects: [.invalidParameter]),
        Case(value: "attachment; filename=\"abc.pdf", token: "attachment", parameters: ["filename": "abc.pdf"], defects: [.invalidParameter]),
        Case(value: "charset=utf-8", token: "", parameters: ["charset": "utf-8"], defects: [.invalidParameter]),
        Case(
            value: "text/plain; ; foo; =bar; charset=utf-8", token: "text/plain", parameters: ["charset": "utf-8"],
            defects: [.invalidParameter, .invalidParameter]),
        Case(
            value: "attachment; filename=\"C:\\Documents\\report.pdf\"", token: "attachment",
            parameters: ["filename": "C:\\Documents\\report.pdf"]),
        Case(value: "a; filename*0=a; filename*2=c", token: "a", parameters: ["filename": "ac"], defects: [.invalidParameter]),
        Case(
            value: "a; filename*0=a; filename*0=b; filename*1=c", token: "a", parameters: ["filename": "ac"],
            defects: [.invalidParameter]),
        Case(value: "a; filename*=x-bogus''abc", token: "a", parameters: ["filename": "abc"], defects: [.unknownCharset]),
        Case(value: "a; filename*=100%.txt", token: "a", parameters: ["filename": "100%.txt"], defects: [.invalidParameter, .invalidParameter]),
        Case(value: "a; filename*=utf-8''%FF.txt", token: "a", parameters: ["filename": "\u{FFFD}.txt"], defects: [.invalidCharsetBytes]),
        Case(value: "a; name=\"=?bogus?Q?x?=\"", token: "a", parameters: ["name": "x"], defects: [.unknownCharset]),
    ]

    @Test(arguments: grammar + rfc2231 + junk)
    func reads(_ example: Case) {
        ParameterParserTests().check(example)
    }

    @Test func manySectionsInReverseOrderJoinInOrder() {
        let count = 5_000
        let value = "a; " + (0..<count).reversed().map { "n*\($0)=\($0 % 10)" }.joined(separator: "; ")
        var defects: [Defect] = []
        let (_, parameters) = ParameterParser.parse(value, location: nil, defects: &defects)
        let expected = (0..<count).map { String($0 % 10) }.joined()
        #expect(parameters["n"] == expected)
        #expect(defects.isEmpty)
    }

    @Test func hostileValuesGiveABoundedListOfDefects() {
        let value = "a" + String(repeating: "; junk", count: 200_000) + "; ok=1"
        var defects: [Defect] = []
        let (token, parameters) = ParameterParser.parse(value, location: nil, defects: &defects)
        #expect(token == "a")
        #expect(parameters.items == [.init(name: "ok", value: "1")])
        #expect(defects.count == DefectLog.limit + 1)
    }

    @Test func longUnquotedValueWithSpacesIsReadWhole() {
        let words = String(repeating: "word ", count: 200_000)
        var defects: [Defect] = []
        let (_, parameters) = ParameterParser.parse("a; name=" + words + "end", location: nil, defects: &defects)
        let whole = parameters["name"] == words + "end"
        #expect(whole)
        #expect(defects.isEmpty)
    }
}
