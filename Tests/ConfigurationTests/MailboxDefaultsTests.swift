import Configuration
import Testing
import Network

/// The Genesys defaults, and the ones that depend on other options.
@Suite struct MailboxDefaultsTests {
    @Test func aMailboxWithOnlyTheRequiredOptionsHasTheGenesysDefaults() throws {
        let xml = Support.configuration(
            #"<mailbox name="support" type="POP3" server="pop.acme.example" mailbox="support" "#
                + #"address="support@acme.example" pop-connection-security="none" password="x"/>"#)
        let result = Support.load(xml: xml)
        // The only remark: nothing is polled while enable-client keeps its default.
        #expect(Support.messages(result) == [
            "test.xml:1:1: warning: no mailbox has enable-client=\"true\", so mailroute run would poll none"
        ])
        let mailbox = try #require(result.configuration?.mailboxes.first)
        #expect(mailbox.enableClient == false)
        #expect(mailbox.port == 110 && mailbox.explicitPort == nil)
        #expect(mailbox.connectionSecurity == .none && mailbox.authentication == .auto && mailbox.caFile == nil)
        #expect(mailbox.connectTimeout == .seconds(300) && mailbox.protocolTimeout == .seconds(300))
        #expect(mailbox.cycleTime == .seconds(30))
        #expect(mailbox.maximumMessageNumber == 100)
        #expect(!mailbox.leaveMessageOnServer && !mailbox.deleteBadFormattedMessage)
        #expect(mailbox.folderPath == "INBOX" && mailbox.folderSeparator == "/")
        #expect(mailbox.processedItemsFolderName == nil && mailbox.failedItemsFolderName == nil)
        #expect(!mailbox.moveFailedItems && !mailbox.enableDebug && mailbox.enableMessageIDCheck)
        #expect(mailbox.processing.isEmpty)
        #expect(mailbox.login == "support" && mailbox.server == "pop.acme.example" && mailbox.type == .pop3)
    }

    static let ports: [(MailProtocol, TransportSecurity, Int)] = [
        (.pop3, .none, 110), (.pop3, .startTLS, 110), (.pop3, .startTLSRequired, 110), (.pop3, .implicitTLS, 995),
        (.imap, .none, 143), (.imap, .startTLS, 143), (.imap, .startTLSRequired, 143), (.imap, .implicitTLS, 993),
    ]

    @Test(arguments: ports)
    func thePortDefaultsByProtocolAndSecurity(_ type: MailProtocol, _ security: TransportSecurity, _ port: Int) throws {
        let result = Support.load(mailbox: "type=\"\(type.rawValue)\"", "pop-connection-security=\"\(security.rawValue)\"")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(try #require(result.configuration?.mailboxes.first).port == port)
    }

    @Test func aWrittenPortWins() throws {
        let result = Support.load(mailbox: #"port="10993""#)
        let mailbox = try #require(result.configuration?.mailboxes.first)
        #expect(mailbox.port == 10993 && mailbox.explicitPort == 10993)
    }

    @Test func pathsAreResolvedAgainstTheConfigurationsDirectory() throws {
        let result = Support.load(
            xml: """
                <configuration version="1">
                <rule-file href="../rules/acme.xml"/>
                <queue-store directory="/var/spool/mailroute"/>
                \(Support.mailbox(#"ca-file="tls/ca.pem""#, content: #"<password file="./secrets//support"/>"#))
                </configuration>
                """)
        let configuration = try #require(result.configuration)
        let testDirectory = String(Support.fixtures.dropLast("Fixtures/".count))
        #expect(configuration.ruleFile == testDirectory + "rules/acme.xml")
        #expect(configuration.queueStoreDirectory == "/var/spool/mailroute")
        let mailbox = try #require(configuration.mailboxes.first)
        #expect(mailbox.caFile == Support.fixtures + "tls/ca.pem")
        #expect(mailbox.password == .file(Support.fixtures + "secrets/support"))
    }

    @Test func aMissingSecuritySettingIsAWarningUnlessTheServerIsThisMachine() {
        let remote = Support.load(
            xml: Support.configuration(
                #"<mailbox name="a" enable-client="true" type="IMAP" server="imap.acme.example" mailbox="a" "#
                    + #"address="a@acme.example" password="x"/>"#))
        #expect(Support.messages(remote) == [
            "test.xml:4:1: warning: mailbox \"a\": pop-connection-security is not set, so the password goes to "
                + "imap.acme.example unencrypted; set it to start-tls-required or ssl-tls, or to none if that is meant"
        ])
        #expect(remote.configuration != nil)
        let local = Support.load(
            xml: Support.configuration(
                #"<mailbox name="a" enable-client="true" type="IMAP" server="127.0.0.1" mailbox="a" "#
                    + #"address="a@acme.example" password="x"/>"#))
        #expect(local.diagnostics.isEmpty)
    }
}
