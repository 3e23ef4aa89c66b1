import Pipeline
import Testing

@Suite struct RecipientCopiesTests {
    static let message = """
        From: jane@customer.example
        To: a@x.example, "Bee" <B@X.example>, b@x.example, undisclosed:;
        Cc: A@x.example, c@x.example, d@x.example
        Subject: Hello

        Hi

        """

    @Test func oneCopyPerUniqueRecipientUpToTheLimit() throws {
        let decision = try #require(Support.decide(Self.message, mailbox: "fanout"))
        #expect(decision.interactions.map(\.copyRecipient) == ["a@x.example", "B@X.example", "c@x.example"])
        #expect(decision.interactions.map { $0.attributes["X-Genesys-To"] } == ["a@x.example", "B@X.example", "c@x.example"])
        #expect(!decision.checksDuplicateMessageID)
        #expect(decision.interactions.allSatisfy { $0.queue == "support" })
        #expect(decision.interactions[0].trace[1].description
            == "recipient-copies: copy 1 of 3 for a@x.example; 1 more over the limit of 3")
    }

    @Test func theRecipientGoesInTheConfiguredAttribute() throws {
        let decision = try #require(Support.decide(Self.message, mailbox: "fanout-custom"))
        #expect(decision.interactions.count == 4)
        #expect(decision.interactions.map { $0.attributes["X-Copy-To"] }
            == ["a@x.example", "B@X.example", "c@x.example", "d@x.example"])
        #expect(decision.interactions.allSatisfy { $0.attributes["X-Genesys-To"] == nil })
    }

    @Test func aMessageWithoutToOrCcGetsOneInteractionForTheMailboxItself() throws {
        let text = "From: jane@customer.example\nSubject: sent as Bcc\nMessage-ID: <bcc@customer.example>\n\nHi\n"
        let decision = try #require(Support.decide(text, mailbox: "fanout"))
        #expect(decision.interactions.count == 1)
        #expect(decision.interactions[0].copyRecipient == nil)
        #expect(decision.interactions[0].attributes["X-Genesys-To"] == "fanout@acme.example")
    }

    @Test func withoutCopyingTheInteractionPassesThrough() throws {
        let decision = try #require(Support.decide(Self.message, mailbox: "support"))
        #expect(decision.interactions.count == 1)
        #expect(decision.interactions[0].copyRecipient == nil)
        #expect(decision.checksDuplicateMessageID)
    }
}
