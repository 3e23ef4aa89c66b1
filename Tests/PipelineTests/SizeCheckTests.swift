import Pipeline
import Testing

@Suite struct SizeCheckTests {
    static let big = Support.mail(subject: "Invoice 12", body: String(repeating: "x", count: 500))

    @Test func oversizedMessageIsStrippedWhenStrippingIsOn() throws {
        let decision = try #require(Support.decide(Self.big, mailbox: "tiny"))
        #expect(decision.fetchAction == .process)
        let interaction = try #require(decision.interactions.first)
        #expect(interaction.isStripped)
        #expect(interaction.message.size < 200)
        #expect(interaction.message.header.first(named: "Subject")?.unfoldedValue == "Invoice 12")
        #expect(interaction.attributes["mailroute-stripped"] == "true")
        #expect(interaction.attributes["mailroute-original-size"] == String(Support.message(Self.big).size))
        #expect(interaction.attributes["mailroute-strip-reason"] == "larger than 100 bytes")
        // The stripped message is still routed by its header.
        #expect(interaction.queue == "billing")
    }

    static let refusals: [(String, Int?, FetchAction)] = [
        ("tiny-leave", nil, .leave),
        ("tiny-delete", nil, .delete),
        ("support", -1, .leave),
    ]

    @Test(arguments: refusals)
    func refusedMessage(_ mailbox: String, _ reportedSize: Int?, _ action: FetchAction) throws {
        let decision = try #require(Support.decide(Self.big, mailbox: mailbox, reportedSize: reportedSize))
        #expect(decision.fetchAction == action)
        #expect(decision.interactions.isEmpty)
    }

    @Test func unknownSizeIsProcessedWhenAllowed() throws {
        let decision = try #require(Support.decide(Self.big, mailbox: "tolerant", reportedSize: -1))
        #expect(decision.fetchAction == .process)
        #expect(decision.interactions.first?.isStripped == false)
        #expect(decision.interactions.first?.trace.first?.description
            == "size-check: size unknown; processed because allow-bad-msg-size is true")
    }

    @Test func messageWithinTheLimitPasses() throws {
        let decision = try #require(Support.decide(Self.big, mailbox: "support"))
        let interaction = try #require(decision.interactions.first)
        #expect(!interaction.isStripped)
        #expect(interaction.attributes.count == 0)
    }
}
