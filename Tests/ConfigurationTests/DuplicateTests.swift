import Configuration
import Testing

/// Names and addresses are unique: the seed product forbids two mailboxes
/// with one address, and the name is the rule file's profile name.
@Suite struct DuplicateTests {
    @Test func twoMailboxesWithTheSameAddressAreAnErrorWhateverTheSpelling() {
        let xml = Support.configuration(
            Support.mailbox(#"address="Acme Support &lt;Support@ACME.Example&gt;""#),
            Support.mailbox(#"name="helpdesk""#, #"address="=?utf-8?Q?Hilfe?= &lt;support@acme.example&gt;""#))
        let result = Support.load(xml: xml)
        #expect(result.configuration == nil)
        #expect(Support.messages(result) == [
            "test.xml:5:26: error: mailbox address support@acme.example is already used by mailbox \"support\" "
                + "at test.xml:4:1"
        ])
    }

    @Test func twoMailboxesWithTheSameNameAreAnError() {
        let xml = Support.configuration(Support.mailbox(), Support.mailbox(#"address="other@acme.example""#))
        let result = Support.load(xml: xml)
        #expect(result.configuration == nil)
        #expect(Support.messages(result) == [
            "test.xml:5:1: error: mailbox \"support\" is already defined at test.xml:4:1"
        ])
    }

    @Test func differentAddressesAndNamesAreFine() throws {
        let xml = Support.configuration(
            Support.mailbox(), Support.mailbox(#"name="billing""#, #"address="billing@acme.example""#))
        let result = Support.load(xml: xml)
        #expect(result.diagnostics.isEmpty)
        #expect(try #require(result.configuration).mailboxes.map(\.name) == ["support", "billing"])
        #expect(result.configuration?.mailbox(named: "billing")?.address.normalized == "billing@acme.example")
    }
}
