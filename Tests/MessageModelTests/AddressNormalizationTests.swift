import Testing

@testable import MessageModel

@Test(
    "addr-spec quotes a local part only when it must",
    arguments: [
        ("john", "john@x"), ("john.doe", "john.doe@x"), ("john doe", #""john doe"@x"#), (#"a"b"#, #""a\"b"@x"#),
        ("a..b", #""a..b"@x"#), (".a", #"".a"@x"#), ("a.", #""a."@x"#), ("jörg", "jörg@x"), ("", #"""@x"#),
    ])
func addrSpecQuoting(_ localPart: String, _ expected: String) {
    #expect(Address(localPart: localPart, domain: "x").addrSpec == expected)
}

@Test func addrSpecWithoutDomainIsTheLocalPartOrTheNullAddress() {
    #expect(Address(localPart: "john", domain: nil).addrSpec == "john")
    #expect(Address(localPart: "", domain: nil).addrSpec == "<>")
}

@Test(
    "normalized form: lower case, no trailing dot, quoting kept",
    arguments: [
        ("Sales", "Example.COM", "sales@example.com"), ("Sales", "Example.COM.", "sales@example.com"),
        ("John Doe", "X.example", #""john doe"@x.example"#), ("Jörg", "BÜCHER.example", "jörg@bücher.example"),
    ])
func normalizedForm(_ localPart: String, _ domain: String, _ expected: String) {
    #expect(Address(localPart: localPart, domain: domain).normalized == expected)
}

@Test func spellingsOfOneMailboxNormalizeAlike() {
    let (list, _) = parseTo(#"Sales <SALES@Example.com>, sales@example.com., "sales"@EXAMPLE.COM"#)
    #expect(Set(list.addresses.map(\.normalized)) == ["sales@example.com"])
}

@Test func atextTableMatchesTheDefinitionInRFC5322() {
    let specials = Set(#"!#$%&'*+-/=?^_`{|}~"#.utf8)
    for byte in UInt8.min...UInt8.max {
        let isLetterOrDigit =
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
        #expect(AddressCharacters.isAtext(byte) == (isLetterOrDigit || specials.contains(byte)), "byte \(byte)")
    }
}
