import Rules
import Testing

@Suite struct MailboxProfileTests {
    @Test func defaults() throws {
        var log = DiagnosticLog()
        let element = try Support.element(#"<mailbox name="s" address="=?utf-8?Q?Acme_S=C3=BCpport?= &lt;Support@Acme.example&gt;"/>"#)
        let profile = try #require(MailboxProfile.read(from: element, log: &log))
        #expect(log.diagnostics.isEmpty)
        #expect(profile.address.normalized == "support@acme.example")
        #expect(profile.address.displayName == "Acme Süpport")
        #expect(profile.maximumMessageSize == 5 * 1024 * 1024)
        #expect(profile.enableBigMessageStripping && !profile.deleteBigMessage && !profile.allowBadMessageSize)
        #expect(!profile.copyMessageToRecipients && profile.copyMessageWithHeader == "X-Genesys-To")
        #expect(profile.inboundMessageCopyLimit == 10 && profile.endpoint == "default" && !profile.forceDefaultQueue)
        #expect(profile.defaultQueue == nil)
    }

    static let sizes: [(String, Int)] = [("1", 1_048_576), ("2047", 2047 * 1_048_576), ("5242880B", 5_242_880), ("1B", 1)]

    @Test(arguments: sizes)
    func maximumSize(_ text: String, _ bytes: Int) throws {
        var log = DiagnosticLog()
        let element = try Support.element(#"<mailbox name="s" address="s@a.example" maximum-msg-size="\#(text)"/>"#)
        #expect(MailboxProfile.read(from: element, log: &log)?.maximumMessageSize == bytes)
    }

    static let bad: [(String, String)] = [
        (#"inbound-msg-copy-limit="60""#, "test.xml:1:41: error: inbound-msg-copy-limit is 60; valid values are 1 to 50"),
        (#"inbound-msg-copy-limit="0""#, "test.xml:1:41: error: inbound-msg-copy-limit is 0; valid values are 1 to 50"),
        (#"maximum-msg-size="0""#, "test.xml:1:41: error: maximum-msg-size is 0; valid values are 1 to 2047 (megabytes) or a byte count such as 5242880B"),
        (#"maximum-msg-size="2048""#, "test.xml:1:41: error: maximum-msg-size is 2048; valid values are 1 to 2047 (megabytes) or a byte count such as 5242880B"),
        (#"maximum-msg-size="-5""#, "test.xml:1:41: error: maximum-msg-size is -5; valid values are 1 to 2047 (megabytes) or a byte count such as 5242880B"),
        (#"maximum-msg-size="0B""#, "test.xml:1:41: error: maximum-msg-size is 0B; write a byte count above 0 such as 5242880B"),
        (#"delete-big-msg="yes""#, "test.xml:1:41: error: delete-big-msg is \"yes\"; valid values are true and false"),
        (#"copy-message-with-header="X To""#, "test.xml:1:41: error: copy-message-with-header is \"X To\", which is not a header field name (printable ASCII without spaces or colons)"),
        (#"colour="red""#, "test.xml:1:41: error: <mailbox> has no attribute colour; its attributes are address, allow-bad-msg-size, copy-message-to-recipients, copy-message-with-header, default-queue, delete-big-msg, enable-big-msg-stripping, endpoint, force-default-queue, inbound-msg-copy-limit, maximum-msg-size, name"),
    ]

    @Test(arguments: bad)
    func outOfRange(_ attribute: String, _ expected: String) throws {
        var log = DiagnosticLog()
        let element = try Support.element(#"<mailbox name="s" address="s@a.example" \#(attribute)/>"#)
        #expect(MailboxProfile.read(from: element, log: &log) != nil)
        #expect(log.diagnostics.map(\.description) == [expected])
    }

    @Test func addressMustBeOneMailbox() throws {
        var log = DiagnosticLog()
        let element = try Support.element(#"<mailbox name="s" address="a@x.example, b@x.example"/>"#)
        #expect(MailboxProfile.read(from: element, log: &log) == nil)
        #expect(log.diagnostics.first?.location.column == 19)
    }
}
