import Pipeline
import Rules
import Testing

@Suite struct RoutingTests {
    /// Message, mailbox, expected queue, expected tags.
    static let cases: [(String, String, String, [String])] = [
        (Support.mail(), "support", "support", []),
        (Support.mail(subject: "Your invoice"), "support", "billing", ["billing"]),
        (Support.mail(subject: "Your invoice", from: "boss@VIP.example"), "support", "vip", ["vip"]),
        (Support.mail(subject: "Facture [T-42]", from: "boss@vip.example"), "support", "vip", ["vip", "ticket-T-42"]),
        (Support.mail(body: "Please send a wire transfer"), "support", "finance", []),
        (Support.mail(subject: "invoice", extra: "X-Spam-Flag: yes"), "support", "billing", ["spam", "billing"]),
        (Support.mail(from: "boss@vip.example", extra: "X-Spam-Flag: yes"), "support", "support", ["spam"]),
        (Support.mail(subject: "invoice", extra: "Auto-Submitted: auto-replied"), "support", "support", []),
        (Support.mail(subject: "invoice"), "forced", "inbound", []),
        (Support.mail(), "sales", "support", []),
        (Support.mail(), "lost", "finance", []),
    ]

    @Test(arguments: cases)
    func route(_ message: String, _ mailbox: String, _ queue: String, _ tags: [String]) throws {
        let decision = try #require(Support.decide(message, mailbox: mailbox))
        let interaction = try #require(decision.interactions.first)
        #expect(interaction.queue == queue, "\(interaction.trace.map(\.description))")
        #expect(interaction.tags.names == tags)
    }

    @Test func traceSaysWhichConditionDecidedAndWhatWasCaptured() throws {
        let decision = try #require(Support.decide(Support.mail(subject: "Re: [T-7] facture"), mailbox: "support"))
        let interaction = try #require(decision.interactions.first)
        let file = Support.fixtures + "routing.xml"
        let lines = interaction.trace.map(\.description)
        #expect(lines.contains("tagging: rule \"ticket\" (\(file):35:7) matched, decided by <header> at \(file):36:15; "
            + "captured \"T-7\", \"ticket=T-7\"; actions: tag ticket-T-7, set-header X-Ticket: T-7"))
        #expect(lines.contains("routing: rule \"vip-route\" (\(file):47:7) did not match, decided by <tagged> at \(file):47:34"))
        #expect(lines.contains { $0.hasPrefix("routing: rule \"invoice\"") && $0.hasSuffix("actions: tag billing, route queue billing") })
        #expect(interaction.headerEdits == [.set(name: "X-Ticket", value: "T-7")])
        #expect(interaction.attributes.count == 0)
    }

    @Test func decodingProblemsOfWhatTheRulesReadAreReported() throws {
        let text = Support.mail(subject: "=?x-unknown-charset?Q?caf=E9?= invoice")
        let decision = try #require(Support.decide(text, mailbox: "support"))
        #expect(decision.interactions.first?.queue == "billing")
        #expect(decision.decodingDefects.contains { $0.location == "Subject" })
    }

    @Test func forcedInteractionsSkipRouting() throws {
        let decision = try #require(Support.decide(Support.mail(subject: "invoice"), mailbox: "forced"))
        let interaction = try #require(decision.interactions.first)
        #expect(interaction.isForced)
        #expect(interaction.trace.map(\.description).contains(
            "force-default-queue: default queue inbound because the mailbox's force-default-queue is true"))
        #expect(interaction.trace.last?.description == "routing: skipped: the interaction is forced to the default queue inbound")
    }

    @Test func endpointResolutionFallsBackToDefaultEndpointThenDefaultInbound() {
        var directory = QueueDirectory()
        directory.defaultInbound = "inbound"
        #expect(directory.queue(forEndpoint: "finance") == "inbound")
        let here = SourceLocationFixture.location
        directory.endpoints["default"] = EndpointDefinition(name: "default", queue: "support", location: here)
        #expect(directory.queue(forEndpoint: "finance") == "support")
        directory.endpoints["finance"] = EndpointDefinition(name: "finance", queue: "billing", location: here)
        #expect(directory.queue(forEndpoint: "finance") == "billing")
        #expect(QueueDirectory().queue(forEndpoint: "any") == nil)
    }

    @Test func mailboxIsPickedFromTheRecipients() throws {
        let pipeline = try #require(Support.routing)
        let toFanout = Support.message("To: someone@else.example\nCc: FANOUT@acme.example\n\nhi\n")
        #expect(pipeline.mailbox(for: toFanout)?.name == "fanout")
        let delivered = Support.message("Delivered-To: sales@acme.example\nTo: x@y.example\n\nhi\n")
        #expect(pipeline.mailbox(for: delivered)?.name == "sales")
        #expect(pipeline.mailbox(for: Support.message("To: x@y.example\n\nhi\n"))?.name == "support")
        #expect(pipeline.process(message: toFanout).mailbox == "fanout")
    }
}
