import MessageModel
import Testing

/// An address field from `shared/corpus/mail-gem` and the mailboxes it must give,
/// as (display name or "", addr-spec) pairs in order, groups flattened.
struct CorpusCase: Sendable, CustomTestStringConvertible {
    let file: String
    let field: String
    let value: String
    let expected: [Pair]

    struct Pair: Sendable, Equatable {
        let displayName: String
        let addrSpec: String
    }

    init(_ file: String, _ field: String, _ value: String, _ expected: [(String, String)]) {
        self.file = file
        self.field = field
        self.value = value
        self.expected = expected.map { Pair(displayName: $0.0, addrSpec: $0.1) }
    }

    var testDescription: String { "\(file) \(field)" }
}

/// Where these agree with Python's `email` package (policy=default), the
/// expectation is Python's answer; the cases marked "Python:" differ on purpose.
let corpusFields: [CorpusCase] = [
    CorpusCase(
        "attachment_emails/attachment_pdf.eml", "To", "xxxx@xxxx.com, xxxx@xxxx.com",
        [("", "xxxx@xxxx.com"), ("", "xxxx@xxxx.com")]),
    CorpusCase(
        "error_emails/bad_date_header2.eml", "From", #""Free-Quilting.com" <enews@Free-Quilting.com>"#,
        [("Free-Quilting.com", "enews@Free-Quilting.com")]),
    CorpusCase("error_emails/bad_date_header2.eml", "cc", "", []),
    CorpusCase(
        "error_emails/cant_parse_from.eml", "From", "Apple <News@InsideApple.Apple.com>",
        [("Apple", "News@InsideApple.Apple.com")]),
    CorpusCase("error_emails/content_transfer_encoding_empty.eml", "BCc", "Array", [("", "Array")]),
    CorpusCase(
        "error_emails/content_transfer_encoding_spam.eml", "To",
        #""palmer vladi.Pimenovraud" <vladi.Pimenov@enron.com>"#,
        [("palmer vladi.Pimenovraud", "vladi.Pimenov@enron.com")]),
    CorpusCase(
        "error_emails/content_transfer_encoding_with_8bits.eml", "From",
        #""announcements@provantage.com" <announcements@provantage.com>"#,
        [("announcements@provantage.com", "announcements@provantage.com")]),
    CorpusCase(
        "error_emails/content_transfer_encoding_x_uuencode.eml", "From", #""Lon L. Peters" <lpeters@PACIFIER.COM>"#,
        [("Lon L. Peters", "lpeters@PACIFIER.COM")]),
    CorpusCase("error_emails/empty_group_lists.eml", "To", "undisclosed recipients: ;", []),
    CorpusCase("error_emails/encoding_madness.eml", "Reply-To", #""KLAUS- HÄNSCHEL" <>"#, [("KLAUS- HÄNSCHEL", "<>")]),
    CorpusCase(
        "error_emails/missing_body.eml", "To", "<Undisclosed-Recipient:@mailman.enron.com;>",
        [("", "Undisclosed-Recipient")]),
    CorpusCase(
        "error_emails/must_supply_encoding.eml", "From",
        "Biz Phone Systems from EclipseMediaOnline\u{FFFD}\u{FFFD}  <info@here2there-travelers-msgs.net>",
        [("Biz Phone Systems from EclipseMediaOnline\u{FFFD}\u{FFFD}", "info@here2there-travelers-msgs.net")]),
    CorpusCase(
        "error_emails/new_line_in_to_header.eml", "To",
        "leads@sg.dc.com,\t sag@leads.gs.ry.com,\t sn@example-hotmail.com,\t e-s-a-g-8718@app.ar.com,\t jp@t-exmaple.com,\t\tcc@c-l-example.com",
        [
            ("", "leads@sg.dc.com"), ("", "sag@leads.gs.ry.com"), ("", "sn@example-hotmail.com"),
            ("", "e-s-a-g-8718@app.ar.com"), ("", "jp@t-exmaple.com"), ("", "cc@c-l-example.com"),
        ]),
    CorpusCase(
        "error_emails/weird_to_header.eml", "To", ", user-example@aol.com, e-s-a-s-2200@app.ar.com",
        [("", "user-example@aol.com"), ("", "e-s-a-s-2200@app.ar.com")]),
    CorpusCase("mime_emails/raw_email11.eml", "To", #""xxxxx@xxxxx" <matmail>"#, [("xxxxx@xxxxx", "matmail")]),
    CorpusCase(
        "plain_emails/raw_email_double_at_in_header.eml", "From", "Jamis Buck <jamis@37signals.com>",
        [("Jamis Buck", "jamis@37signals.com")]),
    CorpusCase(
        "plain_emails/raw_email_trailing_dot.eml", "From", "Sandy M. <noreply@rubyforge.org>",
        [("Sandy M.", "noreply@rubyforge.org")]),
    CorpusCase(
        "plain_emails/raw_email_with_at_display_name.eml", "From",
        "Mikel Lindsaar <test@lindsaar.net>, jack@lindsar.com",
        [("Mikel Lindsaar", "test@lindsaar.net"), ("", "jack@lindsar.com")]),
    CorpusCase(
        "rfc2822/example03.eml", "To", "Mary Smith <mary@x.test>, jdoe@example.org, Who? <one@y.test>",
        [("Mary Smith", "mary@x.test"), ("", "jdoe@example.org"), ("Who?", "one@y.test")]),
    CorpusCase(
        "rfc2822/example03.eml", "Cc", #"<boss@nil.test>, "Giant; \"Big\" Box" <sysservices@example.net>"#,
        [("", "boss@nil.test"), (#"Giant; "Big" Box"#, "sysservices@example.net")]),
    CorpusCase(
        "rfc2822/example04.eml", "To", "A Group:Chris Jones <c@a.test>,joe@where.test,John <jdoe@one.test>;",
        [("Chris Jones", "c@a.test"), ("", "joe@where.test"), ("John", "jdoe@one.test")]),
    CorpusCase(
        "rfc2822/example10.eml", "To",
        "A Group(Some people)     :Chris Jones <c@(Chris's host.)public.example>,         joe@example.org,  John <jdoe@one.test> (my dear friend); (the end of the group)",
        [("Chris Jones", "c@public.example"), ("", "joe@example.org"), ("John", "jdoe@one.test")]),
    CorpusCase(
        "rfc2822/example11.eml", "To", "Mary Smith <@machine.tld:mary@example.net>, , jdoe@test   . example",
        [("Mary Smith", "mary@example.net"), ("", "jdoe@test.example")]),
    CorpusCase(
        "rfc2822/example13.eml", "From", "John Doe <jdoe@machine(comment).  example>",
        [("John Doe", "jdoe@machine.example")]),
    CorpusCase(
        "rfc6532/utf8_headers.eml", "From", #""Jöhn Doe" <jdöe@mächine.example>"#,
        [("Jöhn Doe", "jdöe@mächine.example")]),
    // The comment is no display name (RFC 5322); it is kept as the address's comment.
    CorpusCase(
        "multipart_report_emails/multi_address_bounce1.eml", "From",
        "MAILER-DAEMON@lvmail01.LL.com (Mail Delivery System)",
        [("", "MAILER-DAEMON@lvmail01.LL.com")]),
    // Python: ("", "\"Big Bug bb\"@bug.com"); words joined by spaces are no local part.
    CorpusCase("plain_emails/mix_caps_content_type.eml", "From", "Big Bug bb@bug.com", [("Big Bug", "bb@bug.com")]),
    // Python: only tim@; the second recipient would be lost.
    CorpusCase(
        "plain_emails/raw_email_multiple_from.eml", "To", "tim@powerupdev.com concierge@powerupdev.com",
        [("", "tim@powerupdev.com"), ("", "concierge@powerupdev.com")]),
    // Python: ("", "Mikel@Lindsaar"); the address in angle brackets would be lost.
    CorpusCase(
        "plain_emails/raw_email_with_at_display_name.eml", "To",
        "smith@gmail.com, Mikel@Lindsaar <raasdnil@gmail.com>, tom@gmail.com",
        [("", "smith@gmail.com"), ("Mikel@Lindsaar", "raasdnil@gmail.com"), ("", "tom@gmail.com")]),
]

@Test("address fields of the mail-gem corpus", arguments: corpusFields)
func corpusAddressFields(_ row: CorpusCase) {
    var defects: [Defect] = []
    let list = AddressParser.parse(row.value, field: row.field, defects: &defects)
    let pairs = list.addresses.map { CorpusCase.Pair(displayName: $0.displayName ?? "", addrSpec: $0.addrSpec) }
    #expect(pairs == row.expected)
    #expect(defects.allSatisfy { $0.location == row.field })
}

@Test func corpusGroupsKeepTheirNames() {
    let (list, defects) = parseTo("(Empty list)(start)Undisclosed recipients  :(nobody(that I know))  ;")
    #expect(list.entries == [.group(name: "Undisclosed recipients", members: [])])
    #expect(defects.isEmpty)
}
