import Testing

@testable import MessageModel

/// Content-Type and Content-Disposition values, from real mail (the mail gem's
/// corpus) and from the junk mailers send, read as mail clients read them.
struct ParameterParserTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var value: String
        var token: String
        var parameters: [String: String]
        var defects: [Defect.Kind] = []
        var testDescription: String { value.count > 80 ? String(value.prefix(77)) + "..." : value }
    }

    /// Values as they stand, unfolded, in the corpus; the file names are those
    /// Python's `part.get_filename()` reports, except where noted.
    static let corpus: [Case] = [
        Case(value: "text/plain; charset=ISO-8859-1", token: "text/plain", parameters: ["charset": "ISO-8859-1"]),
        Case(value: "text/plain; charset=\"ks_c_5601-1987\"", token: "text/plain", parameters: ["charset": "ks_c_5601-1987"]),
        Case(
            value: "multipart/mixed; \tboundary=\"----=_Part_5028_7368284.1115579351471\"", token: "multipart/mixed",
            parameters: ["boundary": "----=_Part_5028_7368284.1115579351471"]),
        Case(value: "application/x-gzip; NAME=blah.gz", token: "application/x-gzip", parameters: ["name": "blah.gz"]),
        Case(value: "text/plain; name=ciële.txt", token: "text/plain", parameters: ["name": "ciële.txt"]),
        Case(
            value: "inline;\tfilename*=ISO-8859-1''Eelanal%FC%FCsi%20p%E4ring.jpg", token: "inline",
            parameters: ["filename": "Eelanalüüsi päring.jpg"]),
        Case(
            value: "image/jpeg;\tx-unix-mode=0700;\tname=\"=?ISO-8859-1?Q?Eelanal=FC=FCsi_p=E4ring.jpg?=\"",
            token: "image/jpeg", parameters: ["x-unix-mode": "0700", "name": "Eelanalüüsi päring.jpg"]),
        Case(
            value: "attachment; filename=\"=?UTF-8?B?44Gm44GZ44GoLnR4dA==?=\"", token: "attachment",
            parameters: ["filename": "てすと.txt"]),
        Case(
            value: "attachment;\tfilename*0*=utf-8''%E3%81%8B%E3%81%8D%E3%81%8F%E3%81%91%E3%81%93%E3%81%8B%E3%81%8D"
                + "%E3%81%8F%E3%81%91%E3%81%93%E3%81%8B%E3%81%8D%E3%81%8F%E3%81%91%E3%81%93%E3%81%8B%E3%81%8D%E3%81%8F"
                + "%E3%81%91%E3%81%93%E3%81%8B;\tfilename*1*=%E3%81%8D%E3%81%8F%E3%81%91%E3%81%93.txt",
            token: "attachment", parameters: ["filename": String(repeating: "かきくけこ", count: 5) + ".txt"]),
        Case(
            value: "text/plain;\tx-unix-mode=0644;\tname=\"=?utf-8?B?44GL44GN44GP44GR44GT44GL44GN44GP44GR44GT44GL44GN44GP?="
                + " =?utf-8?B?44GR44GT44GL44GN44GP44GR44GT44GL44GN44GP44GR44GTLnR4?= =?utf-8?B?dA==?=\"",
            token: "text/plain",
            parameters: ["x-unix-mode": "0644", "name": String(repeating: "かきくけこ", count: 5) + ".txt"]),
        Case(
            value: "application/octet-stream; name*=iso-2022-jp'ja'01%20Quien%20Te%20Dij%8aat.%20Pitbull.mp3",
            token: "application/octet-stream", parameters: ["name": "01 Quien Te Dij\u{FFFD}at. Pitbull.mp3"],
            defects: [.invalidCharsetBytes]),
        // Python's email returns no file name for these two; Thunderbird shows the decoded one.
        Case(
            value: "application/pdf; name==?utf-8?B?VGhpcyBpcyBhIHRlc3QucGRm?=", token: "application/pdf",
            parameters: ["name": "This is a test.pdf"]),
        Case(
            value: "attachment; filename==?utf-8?B?VGhpcyBpcyBhIHRlc3QucGRm?=", token: "attachment",
            parameters: ["filename": "This is a test.pdf"]),
        // Python's email stops at the first space ("This").
        Case(value: "text/plain; name=This is a test.txt", token: "text/plain", parameters: ["name": "This is a test.txt"]),
    ]

    @Test(arguments: corpus)
    func readsCorpusValue(_ example: Case) {
        check(example)
    }

    func check(_ example: Case, sourceLocation: SourceLocation = #_sourceLocation) {
        var defects: [Defect] = []
        let (token, parameters) = ParameterParser.parse(example.value, location: "Content-Type", defects: &defects)
        #expect(token == example.token, sourceLocation: sourceLocation)
        let found = Dictionary(parameters.items.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        #expect(found == example.parameters, sourceLocation: sourceLocation)
        #expect(parameters.items.count == found.count, "each name once", sourceLocation: sourceLocation)
        #expect(defects.map(\.kind) == example.defects, sourceLocation: sourceLocation)
        #expect(defects.allSatisfy { $0.location == "Content-Type" }, sourceLocation: sourceLocation)
    }

    @Test func keepsParametersInOrderAndLooksNamesUpInAnyCase() {
        var defects: [Defect] = []
        let (_, parameters) = ParameterParser.parse(
            "text/plain; Format=flowed; CHARSET=utf-8; delsp=yes", location: nil, defects: &defects)
        #expect(parameters.items.map(\.name) == ["format", "charset", "delsp"])
        #expect(parameters["Charset"] == "utf-8")
        #expect(parameters["missing"] == nil)
    }
}
