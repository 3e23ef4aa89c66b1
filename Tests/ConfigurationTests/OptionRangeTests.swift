import Configuration
import Testing

/// Every option's valid values: a value outside them is an error at the
/// option, naming the option, the value and what would be valid.
@Suite struct OptionRangeTests {
    static let outOfRange: [(String, String)] = [
        (#"port="0""#, "port is 0; valid values are 1 to 65535"),
        (#"port="65536""#, "port is 65536; valid values are 1 to 65535"),
        (#"port="imap""#, "port is imap; valid values are 1 to 65535"),
        (#"connect-timeout="00:00:00""#, "connect-timeout is 00:00:00; valid values are 00:00:01 to 01:00:00"),
        (#"protocol-timeout="01:00:01""#, "protocol-timeout is 01:00:01; valid values are 00:00:01 to 01:00:00"),
        (#"cycle-time="00:00:00""#, "cycle-time is 00:00:00; valid values are 00:00:01 to 24:00:00"),
        (#"cycle-time="24:00:01""#, "cycle-time is 24:00:01; valid values are 00:00:01 to 24:00:00"),
        (#"cycle-time="30""#, "cycle-time is \"30\"; write a duration as hh:mm:ss, such as 00:00:30"),
        (#"connect-timeout="0:05:00""#, "connect-timeout is \"0:05:00\"; write a duration as hh:mm:ss, such as 00:05:00"),
        (#"maximum-msg-number="0""#, "maximum-msg-number is 0; valid values are 1 to 100000"),
        (#"maximum-msg-number="-1""#, "maximum-msg-number is -1; valid values are 1 to 100000"),
        (#"inbound-msg-copy-limit="51""#, "inbound-msg-copy-limit is 51; valid values are 1 to 50"),
        (#"maximum-msg-size="2048""#,
         "maximum-msg-size is 2048; valid values are 1 to 2047 (megabytes) or a byte count such as 5242880B"),
        (#"copy-message-with-header="X To""#,
         "copy-message-with-header is \"X To\", which is not a header field name (printable ASCII without spaces or colons)"),
        (#"enable-client="yes""#, "enable-client is \"yes\"; valid values are true and false"),
        (#"leave-msg-on-server="1""#, "leave-msg-on-server is \"1\"; valid values are true and false"),
        (#"force-default-queue="on""#, "force-default-queue is \"on\"; valid values are true and false"),
        (#"pop-connection-security="tls""#,
         "pop-connection-security is \"tls\"; valid values are none, start-tls, start-tls-required and ssl-tls"),
        (#"authentication="cram-md5""#,
         "authentication is \"cram-md5\"; valid values are auto, user-pass, apop, login and plain"),
        (#"authentication="apop""#,
         "authentication is apop, which IMAP does not have; valid values for IMAP are auto, login and plain"),
        (#"folder-separator="::""#, "folder-separator is \"::\"; write one character other than a space, such as / or ."),
        (#"folder-path="""#, "folder-path is empty; leave it out or give it a value"),
        (#"type="pop3""#, "type is \"pop3\"; valid values are POP3 and IMAP"),
        (#"server="imap acme""#, "server is \"imap acme\"; write a host name or an IP address, such as imap.example.com"),
        (#"address="support at acme""#,
         "address \"support at acme\" is not one RFC 5322 address such as \"Acme Support <support@acme.example>\""),
        (#"password="""#,
         "password is empty; write the password, or use <password file=\"...\"/> or <password env=\"...\"/>"),
    ]

    @Test(arguments: outOfRange)
    func aValueOutOfRangeIsALocatedError(_ option: String, _ message: String) {
        for schema in [true, false] {
            let result = Support.load(mailbox: option, schema: schema)
            #expect(result.configuration == nil)
            // Column 10: the option is the first attribute after "<mailbox ".
            #expect(Support.messages(result) == ["test.xml:4:10: error: \(message)"], "schema: \(schema)")
        }
    }

    static let folders: [(String, String, String)] = [
        (#"processed-items-folder-name="INBOX""#, "", "processed-items-folder-name is INBOX, the folder being read "
            + "(folder-path); messages moved there would be read again"),
        (#"move-failed-ews-item="true""#, "", "move-failed-ews-item is true but failed-items-folder-name is not set; "
            + "name the folder that messages which fail are moved to"),
        (#"failed-items-folder-name="Work/In""#, #"folder-path="Work/In""#, "failed-items-folder-name is Work/In, "
            + "the folder being read (folder-path); messages moved there would be read again"),
    ]

    @Test(arguments: folders)
    func foldersThatWouldLoopOrAreMissingAreErrors(_ option: String, _ other: String, _ message: String) {
        let result = other.isEmpty ? Support.load(mailbox: option) : Support.load(mailbox: option, other)
        #expect(result.configuration == nil)
        #expect(Support.messages(result) == ["test.xml:4:10: error: \(message)"])
    }

    @Test func optionsOfTheRuleFileProfileAreReadAsTheRuleFileReadsThem() throws {
        let result = Support.load(
            mailbox: #"maximum-msg-size="32768B""#, #"inbound-msg-copy-limit="7""#, #"endpoint="finance""#)
        #expect(result.diagnostics.isEmpty)
        let processing = try #require(result.configuration?.mailboxes.first?.processing)
        #expect(processing.maximumMessageSize == 32768)
        #expect(processing.inboundMessageCopyLimit == 7 && processing.endpoint == "finance")
        #expect(processing.enableBigMessageStripping == nil && processing.deleteBigMessage == nil)
        #expect(processing.copyMessageToRecipients == nil && processing.forceDefaultQueue == nil)
    }

    @Test func everyProblemOfAMailboxIsReportedInOneRun() {
        let result = Support.load(mailbox: #"port="0""#, #"cycle-time="00:00:00""#, #"address="nobody""#)
        #expect(Support.messages(result) == [
            "test.xml:4:10: error: port is 0; valid values are 1 to 65535",
            "test.xml:4:19: error: cycle-time is 00:00:00; valid values are 00:00:01 to 24:00:00",
            "test.xml:4:41: error: address \"nobody\" is not one RFC 5322 address such as "
                + "\"Acme Support <support@acme.example>\"",
        ])
    }
}
