import Configuration
import Testing

/// Options the mailbox does not know are ignored with a warning naming the
/// nearest known option, as the Genesys E-mail Server ignores unknown options.
@Suite struct UnknownOptionTests {
    static let misspelt: [(String, String)] = [
        ("maximum-message-size", "maximum-msg-size"),
        ("cycle_time", "cycle-time"),
        ("Port", "port"),
        ("leave-msg-on-servers", "leave-msg-on-server"),
        ("pop-connection-securty", "pop-connection-security"),
        ("enable-clients", "enable-client"),
        ("folder-seperator", "folder-separator"),
        ("delete-bad-formated-msg", "delete-bad-formatted-msg"),
    ]

    @Test(arguments: misspelt)
    func anUnknownOptionIsAWarningNamingTheNearestKnownOne(_ option: String, _ nearest: String) throws {
        for schema in [true, false] {
            let result = Support.load(mailbox: "\(option)=\"1\"", schema: schema)
            #expect(Support.messages(result) == [
                "test.xml:4:10: warning: mailbox \"support\": unknown option \(option) is ignored; "
                    + "the nearest known option is \(nearest)"
            ])
            // A warning leaves the configuration usable.
            #expect(try #require(result.configuration).mailboxes.count == 1)
        }
    }

    @Test func theSchemaKnowsExactlyTheOptionsTheReaderKnows() throws {
        let schema = try String(decoding: Fixture.bytes(Support.root + "/Rules/schema/mailroute-config.rng"), as: UTF8.self)
        let start = try #require(schema.firstRange(of: "<except>")), end = try #require(schema.firstRange(of: "</except>"))
        let listed = schema[start.upperBound..<end.lowerBound].matches(of: /<name>([^<]+)<\/name>/).map { String($0.output.1) }
        #expect(listed.sorted() == MailboxAccount.optionNames.sorted())
        #expect(Set(MailboxAccount.optionNames).count == MailboxAccount.optionNames.count)
    }
}
