import Rules
import Testing

@Suite struct TemplateTests {
    static let cases: [(String, String)] = [
        (#"ticket ${2}"#, "ticket 4711"),
        (#"${kind}-${2}"#, "Facture-4711"),
        (#"${header:Subject}"#, "Facture n° 4711"),
        (#"${mailbox}/${from}"#, "support/Jane.Doe@Customer.example"),
        (#"${message-id}"#, "<abc@customer.example>"),
        (#"${3}"#, ""),
        (#"costs $5"#, "costs $5"),
    ]

    @Test(arguments: cases)
    func render(_ value: String, _ expected: String) throws {
        let xml = """
            <rule id="t"><when>
              <header name="Subject" regex="(?&lt;kind&gt;Facture) n° (\\d+)(x)?"/>
            </when><do><attribute name="A" value="\(value)"/></do></rule>
            """
        let (read, diagnostics) = try Support.rule(xml)
        #expect(diagnostics.isEmpty)
        let rule = try #require(read)
        let facts = Support.facts(Support.invoice)
        let outcome = rule.evaluate(facts, tags: TagList())
        #expect(outcome.matched)
        guard case .attribute(_, let template) = rule.actions[0].kind else { Issue.record("not an attribute"); return }
        #expect(template.render(captures: outcome.captures, facts: facts) == expected)
    }

    static let unknown: [(String, String)] = [
        (#"${bogus-thing}"#, "test.xml:1:81: error: ${bogus-thing} is not a known reference; use ${1}, ${name} (a named group), ${header:Field}, ${mailbox}, ${from} or ${message-id}"),
        (#"${4}"#, #"test.xml:1:61: error: ${4} is not a known reference: the regexes of rule "t" have 1 capture group"#),
        (#"${who}"#, #"test.xml:1:61: error: ${who} is not a known reference: no regex of rule "t" has a group named who"#),
        (#"${1"#, #"test.xml:1:81: error: "${1" opens ${ without closing it with }"#),
    ]

    @Test(arguments: unknown)
    func unknownReference(_ value: String, _ expected: String) throws {
        let xml = #"<rule id="t"><when><header name="S" regex="(a)"/></when><do><attribute name="A" value="\#(value)"/></do></rule>"#
        let (rule, diagnostics) = try Support.rule(xml)
        #expect(rule == nil)
        #expect(diagnostics.map(\.description) == [expected])
    }
}
