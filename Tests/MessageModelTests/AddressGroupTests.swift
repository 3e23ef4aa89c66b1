import MessageModel
import Testing

let groupForms: [AddressCase] = [
    AddressCase(
        "A Group:Chris Jones <c@a.test>,joe@where.test,John <jdoe@one.test>;",
        [
            .group(
                name: "A Group",
                members: [
                    member("Chris Jones", "c", "a.test"), member(nil, "joe", "where.test"),
                    member("John", "jdoe", "one.test"),
                ])
        ]),
    AddressCase("undisclosed-recipients:;", [.group(name: "undisclosed-recipients", members: [])]),
    AddressCase("undisclosed recipients: ;", [.group(name: "undisclosed recipients", members: [])]),
    AddressCase(
        "(Empty list)(start)Undisclosed recipients  :(nobody(that I know))  ;",
        [.group(name: "Undisclosed recipients", members: [])]),
    AddressCase(
        "Team: a@x;, b@y", [.group(name: "Team", members: [member(nil, "a", "x")]), mailbox(nil, "b", "y")]),
    AddressCase(#""Sales, EMEA": a@x;"#, [.group(name: "Sales, EMEA", members: [member(nil, "a", "x")])]),
    // A group missing its final ';' ends with the field.
    AddressCase(
        "group: a@x, b@y", [.group(name: "group", members: [member(nil, "a", "x"), member(nil, "b", "y")])],
        defects: [.invalidAddress]),
    AddressCase("Foo:<a@b>", [.group(name: "Foo", members: [member(nil, "a", "b")])], defects: [.invalidAddress]),
    AddressCase(
        "g1: a@x; g2: b@y;",
        [.group(name: "g1", members: [member(nil, "a", "x")]), .group(name: "g2", members: [member(nil, "b", "y")])],
        defects: [.invalidAddress]),
    AddressCase(
        "group: a@x; c@z", [.group(name: "group", members: [member(nil, "a", "x")]), mailbox(nil, "c", "z")],
        defects: [.invalidAddress]),
    AddressCase(": a@b;", [.group(name: "", members: [member(nil, "a", "b")])], defects: [.invalidAddress]),
    // Groups do not nest: the inner name is dropped, its members stay in the outer group.
    AddressCase("g: h: a@b;", [.group(name: "g", members: [member(nil, "a", "b")])], defects: [.invalidAddress]),
]

let routeAndObsoleteForms: [AddressCase] = [
    AddressCase("<@relay1,@relay2:user@domain>", [mailbox(nil, "user", "domain", route: ["relay1", "relay2"])]),
    AddressCase(
        "Mary Smith <@machine.tld:mary@example.net>, , jdoe@test   . example",
        [mailbox("Mary Smith", "mary", "example.net", route: ["machine.tld"]), mailbox(nil, "jdoe", "test.example")]),
    AddressCase("<@a, ,@b:u@d>", [mailbox(nil, "u", "d", route: ["a", "b"])]),
    AddressCase(
        "<@relay.example user@x>", [mailbox(nil, "user", "x", route: ["relay.example"])],
        defects: [.invalidAddress]),
    AddressCase("john . doe @ x . com", [mailbox(nil, "john.doe", "x.com")]),
    AddressCase(#""john"."doe"@x"#, [mailbox(nil, "john.doe", "x")]),
    AddressCase(#""john doe"@x"#, [mailbox(nil, "john doe", "x")]),
    AddressCase(#""a\"b"@x"#, [mailbox(nil, #"a"b"#, "x")]),
    AddressCase("john@[192.0.2.1]", [mailbox(nil, "john", "[192.0.2.1]")]),
    AddressCase(
        "Joe Q. Public <john.q.public@example.com>", [mailbox("Joe Q. Public", "john.q.public", "example.com")]),
    AddressCase("Sandy M. <noreply@rubyforge.org>", [mailbox("Sandy M.", "noreply", "rubyforge.org")]),
    AddressCase("a@x,,b@y", [mailbox(nil, "a", "x"), mailbox(nil, "b", "y")]),
    AddressCase(", a@x, ,", [mailbox(nil, "a", "x")]),
    AddressCase(",,,", []),
    // A trailing dot (DNS root) is kept as written; `normalized` drops it.
    AddressCase("john@x.com.", [mailbox(nil, "john", "x.com.")], defects: [.invalidAddress]),
    AddressCase(
        "John <john@x.com.>, b@y", [mailbox("John", "john", "x.com."), mailbox(nil, "b", "y")],
        defects: [.invalidAddress]),
]

@Test("groups: empty, unterminated, several, nested", arguments: groupForms)
func groups(_ row: AddressCase) {
    check(row)
}

@Test("source routes and the obsolete syntax of RFC 5322 section 4.4", arguments: routeAndObsoleteForms)
func routesAndObsoleteSyntax(_ row: AddressCase) {
    check(row)
}

@Test func trailingDotIsDroppedOnlyFromTheNormalizedForm() throws {
    let (list, _) = parseTo("John.Doe@Example.COM.")
    let address = try #require(list.addresses.first)
    #expect(address.addrSpec == "John.Doe@Example.COM.")
    #expect(address.normalized == "john.doe@example.com")
}
