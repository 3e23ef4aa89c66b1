import Configuration
import Testing

/// Whole files: the shipped example, and each way a file can be wrong as a whole.
@Suite struct LoaderTests {
    static let acme = Support.root + "/Fixtures/config/acme.xml"

    @Test func theAcmeExampleLoadsWithoutDiagnostics() throws {
        let result = ConfigurationLoader().load(Self.acme)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let configuration = try #require(result.configuration)
        #expect(configuration.version == "1")
        #expect(configuration.ruleFile == Support.root + "/Rules/acme/rules.xml")
        #expect(configuration.queueStoreDirectory == "/var/spool/mailroute/acme")
        #expect(configuration.mailboxes.map(\.name) == ["support", "billing", "legal"])
        #expect(configuration.enabledMailboxes.map(\.name) == ["support", "billing"])

        let support = try #require(configuration.mailbox(named: "support"))
        #expect(support.type == .imap && support.connectionSecurity == .implicitTLS && support.port == 993)
        #expect(support.address.normalized == "support@acme.example" && support.address.displayName == "Acme Support")
        #expect(support.password == .environmentVariable("ACME_SUPPORT_PASSWORD"))

        let billing = try #require(configuration.mailbox(named: "billing"))
        #expect(billing.type == .pop3 && billing.connectionSecurity == .startTLSRequired && billing.port == 110)
        #expect(billing.authentication == .apop && billing.caFile == "/etc/ssl/acme/internal-ca.pem")
        #expect(billing.cycleTime == .seconds(120) && billing.maximumMessageNumber == 500 && billing.leaveMessageOnServer)
        #expect(billing.connectTimeout == .seconds(30) && billing.protocolTimeout == .seconds(60))
        #expect(billing.password == .file(Support.root + "/Fixtures/config/secrets/billing.password"))
        #expect(billing.address.displayName == "Acme Billing / Facturation")

        let legal = try #require(configuration.mailbox(named: "legal"))
        #expect(!legal.enableClient && legal.folderPath == "INBOX.Contracts" && legal.folderSeparator == ".")
        #expect(legal.processedItemsFolderName == "INBOX.Processed" && legal.failedItemsFolderName == "INBOX.Failed")
        #expect(legal.moveFailedItems && legal.enableDebug)
        #expect(legal.processing.inboundMessageCopyLimit == 8)
    }

    @Test func theShippedSchemaCompilesAndIsTheFileInRulesSchema() throws {
        #expect(ConfigurationLoader.shippedSchema != nil)
        let file = try Fixture.bytes(Support.root + "/Rules/schema/mailroute-config.rng")
        // The Swift literal ends before the file's last line break.
        let same = Array((EmbeddedConfigurationSchema.text + "\n").utf8) == file
        #expect(same, "run python3 Rules/schema/embed.py")
    }

    @Test func aMissingFileIsOneLocatedError() {
        let result = Support.load("does-not-exist.xml")
        #expect(result.configuration == nil)
        #expect(Support.messages(result) == [
            "does-not-exist.xml:1:1: error: cannot read the configuration file: No such file or directory"
        ])
    }

    static let broken: [(String, [String])] = [
        ("<configuration version=\"1\">\n<rule-file href=\"r.xml\">\n</configuration>\n", [
            "3:17: error: Opening and ending tag mismatch: rule-file line 2 and configuration",
            "4:1: error: Premature end of data in tag configuration line 1",
        ]),
        ("", ["1:1: error: the document is empty"]),
        ("<rules version=\"1\"/>", [
            "1:1: error: the root element is <rules>; a configuration file starts with <configuration version=\"1\">"
        ]),
        ("<configuration version=\"2\"><foo/></configuration>", [
            "1:16: error: version is \"2\"; this mailroute reads configuration files of version 1"
        ]),
        ("<configuration version=\"1\" owner=\"x\"></configuration>", [
            "1:1: error: the configuration declares no <mailbox>; add one for each mailbox to poll",
            "1:1: error: the configuration has no <queue-store directory=\"...\"/>",
            "1:1: error: the configuration has no <rule-file href=\"...\"/>",
            "1:28: error: <configuration> has no attribute owner; its attributes are version",
        ]),
    ]

    @Test(arguments: broken)
    func aBrokenFileGivesLocatedErrors(_ xml: String, _ expected: [String]) {
        let result = Support.load(xml: xml)
        #expect(result.configuration == nil)
        #expect(Support.messages(result) == expected.map { "test.xml:" + $0 })
    }

    @Test func theSchemaStillReportsWhatTheReaderDoesNotCheck() {
        // The reader takes the elements in any order; the schema wants the rule file first.
        let xml = """
            <configuration version="1">
            <queue-store directory="q"/>
            <rule-file href="r.xml"/>
            \(Support.mailbox())
            </configuration>
            """
        #expect(Support.messages(Support.load(xml: xml)).contains { $0.hasPrefix("test.xml:2:1: error: ") })
        #expect(Support.load(xml: xml, schema: false).diagnostics.isEmpty)
    }

    @Test func unknownElementsAndRepeatedOnesAreErrors() {
        let xml = """
            <configuration version="1">
            <rule-file href="r.xml"/>
            <rule-file href="s.xml"/>
            <queue-store directory="q" mode="0700"/>
            <mailboxes/>
            \(Support.mailbox())
            </configuration>
            """
        for schema in [true, false] {
            #expect(Support.messages(Support.load(xml: xml, schema: schema)) == [
                "test.xml:3:1: error: <rule-file> is already given at test.xml:2:1; keep one",
                "test.xml:4:28: error: <queue-store> has no attribute mode; its attributes are directory",
                "test.xml:5:1: error: <configuration> has no child element <mailboxes>; its children are "
                    + "<rule-file>, <queue-store> and <mailbox>",
            ], "schema: \(schema)")
        }
    }
}
