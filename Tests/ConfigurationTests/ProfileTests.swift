import Configuration
import Rules
import Testing
import XMLDocuments

/// The options shared with the rule file's mailbox profiles, and the checks
/// between a configuration and those profiles.
@Suite struct ProfileTests {
    /// The mailbox profiles of `Rules/acme/rules.xml`.
    static func acmeProfiles() throws -> [MailboxProfile] {
        let document = try XMLDocument(contentsOf: Support.root + "/Rules/acme/rules.xml")
        var log = DiagnosticLog()
        let profiles = document.root.children(named: "mailbox").compactMap { MailboxProfile.read(from: $0, log: &log) }
        #expect(log.diagnostics.isEmpty)
        return profiles
    }

    @Test func theAcmeConfigurationMatchesItsRuleFile() throws {
        let configuration = try #require(ConfigurationLoader().load(LoaderTests.acme).configuration)
        #expect(configuration.check(against: try Self.acmeProfiles()).isEmpty)
    }

    @Test func optionsSetInTheConfigurationWinOverTheProfile() throws {
        let profiles = try Self.acmeProfiles()
        let legal = try #require(profiles.first { $0.name == "legal" })
        let configuration = try #require(ConfigurationLoader().load(LoaderTests.acme).configuration)
        let account = try #require(configuration.mailbox(named: "legal"))
        let merged = account.effectiveProfile(from: legal)
        #expect(legal.inboundMessageCopyLimit == 5 && merged.inboundMessageCopyLimit == 8)
        // What the configuration does not set stays as the rule file has it.
        #expect(merged.maximumMessageSize == legal.maximumMessageSize && merged.maximumMessageSize == 20 * 1024 * 1024)
        #expect(merged.copyMessageWithHeader == "X-Acme-Recipient" && merged.forceDefaultQueue && merged.endpoint == "counsel")
        // Copying to recipients turns the Message-ID check off, whatever the configuration says.
        #expect(account.enableMessageIDCheck && !account.checksMessageIDs(with: merged))
        let support = try #require(configuration.mailbox(named: "support"))
        let supportProfile = try #require(profiles.first { $0.name == "support" })
        #expect(support.checksMessageIDs(with: support.effectiveProfile(from: supportProfile)))
    }

    @Test func everyOverrideAppliesAndNoneIsANoOp() throws {
        let profile = try #require(try Self.acmeProfiles().first { $0.name == "support" })
        var overrides = ProcessingOverrides()
        #expect(overrides.isEmpty)
        let unchanged = overrides.applied(to: profile)
        #expect(unchanged.maximumMessageSize == profile.maximumMessageSize && unchanged.endpoint == profile.endpoint)
        overrides.maximumMessageSize = 1
        overrides.enableBigMessageStripping = false
        overrides.deleteBigMessage = true
        overrides.allowBadMessageSize = true
        overrides.copyMessageToRecipients = true
        overrides.copyMessageWithHeader = "X-To"
        overrides.inboundMessageCopyLimit = 2
        overrides.endpoint = "finance"
        overrides.forceDefaultQueue = true
        let merged = overrides.applied(to: profile)
        #expect(merged.maximumMessageSize == 1 && !merged.enableBigMessageStripping && merged.deleteBigMessage)
        #expect(merged.allowBadMessageSize && merged.copyMessageToRecipients && merged.copyMessageWithHeader == "X-To")
        #expect(merged.inboundMessageCopyLimit == 2 && merged.endpoint == "finance" && merged.forceDefaultQueue)
    }

    @Test func aMailboxWithoutAProfileIsAnErrorAndAnotherAddressAWarning() throws {
        let xml = Support.configuration(
            Support.mailbox(#"name="sales""#, #"address="sales@acme.example""#),
            Support.mailbox(#"name="billing""#, #"address="invoices@acme.example""#))
        let configuration = try #require(Support.load(xml: xml).configuration)
        let profiles = try Self.acmeProfiles()
        let billing = try #require(profiles.first { $0.name == "billing" })
        let problems = configuration.check(against: profiles).map { $0.description.replacing(Support.fixtures, with: "") }
        #expect(problems == [
            "test.xml:4:1: error: mailbox \"sales\" has no mailbox profile in the rule file "
                + "rules.xml; its profiles are billing, legal, support",
            "test.xml:5:1: warning: mailbox \"billing\" has address invoices@acme.example, but its profile at "
                + "\(billing.location) has billing@acme.example; the configuration's is used",
        ])
        let account = try #require(configuration.mailbox(named: "billing"))
        #expect(account.effectiveProfile(from: billing).address.normalized == "invoices@acme.example")
    }
}
