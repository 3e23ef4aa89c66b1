import MessageModel
import Testing

/// Broken fields from real mail, read as a careful mail client reads them.
let brokenForms: [AddressCase] = [
    // Display names that lost their angle brackets or quotes.
    AddressCase("John Doe john@x.com", [mailbox("John Doe", "john", "x.com")], defects: [.invalidAddress]),
    AddressCase("John Q. Public john.q@x", [mailbox("John Q. Public", "john.q", "x")], defects: [.invalidAddress]),
    AddressCase("john@x.com <john@x.com>", [mailbox("john@x.com", "john", "x.com")], defects: [.invalidAddress]),
    AddressCase("Smith, John <j@x>", [mailbox("Smith, John", "j", "x")], defects: [.invalidAddress]),
    AddressCase("Smith, Jr., John <j@x>", [mailbox("Smith, Jr., John", "j", "x")], defects: [.invalidAddress]),
    AddressCase(
        "Smith, John <j@x>, Doe, Jane <k@y>", [mailbox("Smith, John", "j", "x"), mailbox("Doe, Jane", "k", "y")],
        defects: [.invalidAddress]),
    AddressCase("Smith, a@b", [mailbox(nil, "Smith", nil), mailbox(nil, "a", "b")], defects: [.invalidAddress]),
    AddressCase("John [Sales] <j@x>", [mailbox("John [Sales]", "j", "x")], defects: [.invalidAddress]),
    AddressCase("John ) Doe <j@x>", [mailbox("John Doe", "j", "x")], defects: [.invalidAddress]),
    // Unbalanced quotes: the stray quote is dropped so the address survives.
    AddressCase(#""unbalanced <a@b>"#, [mailbox("unbalanced", "a", "b")], defects: [.invalidAddress]),
    AddressCase(
        #"John "Doe <j@x>, k@y"#, [mailbox("John Doe", "j", "x"), mailbox(nil, "k", "y")], defects: [.invalidAddress]),
    // Missing or stray angle brackets.
    AddressCase("John Doe <john@x.com", [mailbox("John Doe", "john", "x.com")], defects: [.invalidAddress]),
    AddressCase("<a@b, c@d", [mailbox(nil, "a", "b"), mailbox(nil, "c", "d")], defects: [.invalidAddress]),
    AddressCase("a@b>", [mailbox(nil, "a", "b")], defects: [.invalidAddress]),
    AddressCase("<<a@b>>", [mailbox(nil, "a", "b")], defects: [.invalidAddress]),
    AddressCase("<a@b junk>, c@d", [mailbox(nil, "a", "b"), mailbox(nil, "c", "d")], defects: [.invalidAddress]),
    // Missing separators.
    AddressCase("a@b c@d", [mailbox(nil, "a", "b"), mailbox(nil, "c", "d")], defects: [.invalidAddress]),
    AddressCase("a@b;c@d", [mailbox(nil, "a", "b"), mailbox(nil, "c", "d")], defects: [.invalidAddress]),
    AddressCase("Foo <a@b> Bar", [mailbox("Foo", "a", "b")], defects: [.invalidAddress]),
    AddressCase("a <b> c <d@e>", [mailbox("a", "b", nil), mailbox("c", "d", "e")], defects: [.invalidAddress]),
    // Local parts without a domain are kept, with domain nil.
    AddressCase("john", [mailbox(nil, "john", nil)], defects: [.invalidAddress]),
    AddressCase("a@b, John Doe", [mailbox(nil, "a", "b")], defects: [.invalidAddress]),
    AddressCase("a@, b@y", [mailbox(nil, "a", nil), mailbox(nil, "b", "y")], defects: [.invalidAddress]),
    AddressCase(#""xxxxx@xxxxx" <matmail>"#, [mailbox("xxxxx@xxxxx", "matmail", nil)], defects: [.invalidAddress]),
    AddressCase(
        "<Undisclosed-Recipient:@mailman.enron.com;>", [mailbox(nil, "Undisclosed-Recipient", nil)],
        defects: [.invalidAddress]),
    // Malformed local parts and domains are kept as written.
    AddressCase("a..b@c", [mailbox(nil, "a..b", "c")], defects: [.invalidAddress]),
    AddressCase(".a@b", [mailbox(nil, ".a", "b")], defects: [.invalidAddress]),
    AddressCase("<a.@b>", [mailbox(nil, "a.", "b")], defects: [.invalidAddress]),
    AddressCase("a@b..c", [mailbox(nil, "a", "b..c")], defects: [.invalidAddress]),
    AddressCase("a@b@c", [mailbox(nil, "a@b", "c")], defects: [.invalidAddress]),
    AddressCase(
        "a@[1.2.3.4, b@c", [mailbox(nil, "a", "[1.2.3.4"), mailbox(nil, "b", "c")], defects: [.invalidAddress]),
    // Empty addresses: kept only when a display name says whose they are.
    AddressCase("John Doe <>", [mailbox("John Doe", "", nil)], defects: [.invalidAddress]),
    AddressCase("<>", [], defects: [.invalidAddress]),
    AddressCase("john@x.com <", [mailbox(nil, "john", "x.com")], defects: [.invalidAddress]),
    AddressCase(
        "john@x.com <>, b@y", [mailbox(nil, "john", "x.com"), mailbox(nil, "b", "y")], defects: [.invalidAddress]),
    // Junk: nothing invented, a defect raised.
    AddressCase("@@@", [], defects: [.invalidAddress]),
    AddressCase("]]] >>> )))", [], defects: [.invalidAddress]),
    AddressCase("\u{1}\u{2}\u{7F}", [], defects: [.invalidAddress]),
    AddressCase("@example.com", [], defects: [.invalidAddress]),
    AddressCase(#"junk ]]] "open a@b"#, [mailbox("junk open", "a", "b")], defects: [.invalidAddress]),
]

@Test("broken forms seen in real mail", arguments: brokenForms)
func brokenAddressFields(_ row: AddressCase) {
    check(row)
}

@Test func nullAddressIsWrittenAsEmptyAngleBrackets() throws {
    let (list, _) = parseTo("Mailer <>")
    let address = try #require(list.addresses.first)
    #expect(address.addrSpec == "<>")
    #expect(address.normalized == "<>")
}
