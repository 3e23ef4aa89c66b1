import MessageModel
import Testing

/// One row of an address table: a field value, the entries it must give, and
/// the kinds of defect it must raise (none when empty).
struct AddressCase: Sendable, CustomTestStringConvertible {
    let input: String
    let expected: [AddressList.Entry]
    let defects: Set<Defect.Kind>

    init(_ input: String, _ expected: [AddressList.Entry], defects: Set<Defect.Kind> = []) {
        self.input = input
        self.expected = expected
        self.defects = defects
    }

    var testDescription: String { input }
}

/// A mailbox entry as the parser must give it.
func mailbox(_ displayName: String?, _ localPart: String, _ domain: String?, route: [String] = [], comment: String? = nil)
    -> AddressList.Entry
{
    .mailbox(member(displayName, localPart, domain, route: route, comment: comment))
}

/// A group member as the parser must give it.
func member(_ displayName: String?, _ localPart: String, _ domain: String?, route: [String] = [], comment: String? = nil) -> Address {
    Address(displayName: displayName, localPart: localPart, domain: domain, route: route, comment: comment)
}

/// Parses `value` as a `To` field.
func parseTo(_ value: String, limits: ParseLimits = .standard) -> (list: AddressList, defects: [Defect]) {
    var defects: [Defect] = []
    let list = AddressParser.parse(value, field: "To", limits: limits, defects: &defects)
    return (list, defects)
}

/// Checks one table row: entries, defect kinds, and that every defect names the field and says something.
func check(_ row: AddressCase) {
    let (list, defects) = parseTo(row.input)
    #expect(list.entries == row.expected)
    #expect(Set(defects.map(\.kind)) == row.defects)
    for defect in defects {
        #expect(defect.location == "To")
        #expect(!defect.detail.isEmpty)
    }
}

let standardForms: [AddressCase] = [
    AddressCase("john@example.com", [mailbox(nil, "john", "example.com")]),
    AddressCase("John Doe <john@example.com>", [mailbox("John Doe", "john", "example.com")]),
    AddressCase(
        #""Doe, John" <j@x.example>, sales@y.example"#,
        [mailbox("Doe, John", "j", "x.example"), mailbox(nil, "sales", "y.example")]),
    AddressCase(
        #""Giant; \"Big\" Box" <sysservices@example.net>"#,
        [mailbox(#"Giant; "Big" Box"#, "sysservices", "example.net")]),
    AddressCase(#"John "The Man" Doe <j@x>"#, [mailbox("John The Man Doe", "j", "x")]),
    AddressCase(#""Foo"Bar <a@b>"#, [mailbox("FooBar", "a", "b")]),
    AddressCase("John  \t Doe <a@b>", [mailbox("John Doe", "a", "b")]),
    AddressCase(#""" <a@b>"#, [mailbox(nil, "a", "b")]),
    AddressCase("<boss@nil.test>", [mailbox(nil, "boss", "nil.test")]),
    AddressCase("Who? <one@y.test>", [mailbox("Who?", "one", "y.test")]),
    AddressCase(
        #""Mary Smith: Personal Account" <smith@home.example>"#,
        [
            mailbox("Mary Smith: Personal Account", "smith", "home.example")
        ]),
    // RFC 6532: UTF-8 in names, local parts and domains.
    AddressCase("Jörg Müller <jörg@bücher.example>", [mailbox("Jörg Müller", "jörg", "bücher.example")]),
    AddressCase("a@x.example,\r\n\tb@y.example", [mailbox(nil, "a", "x.example"), mailbox(nil, "b", "y.example")]),
    AddressCase("", []),
    AddressCase("  ", []),
]

let commentForms: [AddressCase] = [
    AddressCase(
        #"Pete(A wonderful \) chap) <pete(his account)@silly.test(his host)>"#,
        [mailbox("Pete", "pete", "silly.test")]),
    AddressCase("John Doe <jdoe@machine(comment).  example>", [mailbox("John Doe", "jdoe", "machine.example")]),
    AddressCase("c@(Chris's host.)public.example", [mailbox(nil, "c", "public.example")]),
    // A comment after an address is kept as its comment, not as its display name (RFC 5322 gives comments no meaning).
    AddressCase("john@x.example (John Doe)", [mailbox(nil, "john", "x.example", comment: "John Doe")]),
    AddressCase("<a@b> (friend)", [mailbox(nil, "a", "b", comment: "friend")]),
    AddressCase("John <a@b> (friend)", [mailbox("John", "a", "b", comment: "friend")]),
    AddressCase("a@b (x) (y)", [mailbox(nil, "a", "b", comment: "y")]),
    AddressCase("a@b ()", [mailbox(nil, "a", "b")]),
    AddressCase("john@x (John (Johnny) Doe)", [mailbox(nil, "john", "x", comment: "John (Johnny) Doe")]),
    AddressCase(#"john@x (John \(Jr\))"#, [mailbox(nil, "john", "x", comment: "John (Jr)")]),
    AddressCase("a@b, (Sales) c@d", [mailbox(nil, "a", "b"), mailbox(nil, "c", "d")]),
    AddressCase("(comment only)", []),
    AddressCase(
        String(repeating: "(", count: 1000) + String(repeating: ")", count: 1000) + "a@b",
        [
            mailbox(nil, "a", "b")
        ]),
    AddressCase("((((a@b", [], defects: [.invalidAddress]),
    AddressCase("a@b (unclosed", [mailbox(nil, "a", "b", comment: "unclosed")], defects: [.invalidAddress]),
]

@Test("standard mailboxes and name-addrs", arguments: standardForms)
func standardMailboxes(_ row: AddressCase) {
    check(row)
}

@Test("comments, nested and quoted, and comments kept beside the address", arguments: commentForms)
func commentsInAddresses(_ row: AddressCase) {
    check(row)
}

@Test func flattenedAddressesKeepWrittenOrder() {
    let (list, _) = parseTo("a@x, Team: b@x, c@x;, d@x")
    #expect(list.addresses.map(\.addrSpec) == ["a@x", "b@x", "c@x", "d@x"])
    #expect(list.entries.count == 3)
}

@Test func defectLocationIsTheFieldName() {
    var defects: [Defect] = []
    _ = AddressParser.parse("john", field: "Reply-To", defects: &defects)
    #expect(defects.map(\.location) == ["Reply-To"])
    #expect(defects.first?.detail.contains("john") == true)
}
