import MessageModel
import Pipeline
import Testing

@Suite struct RobustnessTests {
    @Test func patternHittingItsMatchLimitCountsAsNoMatchWithADefect() throws {
        let pipeline = try #require(Support.load("catastrophic.xml").pipeline)
        let text = "Subject: " + String(repeating: "a", count: 40) + "!\n\nbody\n"
        let decision = pipeline.process(message: Support.message(text))
        let interaction = try #require(decision.interactions.first)
        #expect(interaction.queue == "inbound")
        let defect = try #require(interaction.defects.first)
        #expect(defect.ruleID == "boom")
        #expect(defect.isMatchLimit)
        #expect(defect.location.line == 6)
        #expect(interaction.trace.first?.note?.hasPrefix("rule \"boom\" treated as not matching") == true)
    }

    @Test func stopWithPipelineScopeEndsEveryLaterStage() throws {
        let pipeline = try #require(Support.load("stop.xml").pipeline)
        let halted = pipeline.process(message: Support.message("Subject: halt now\n\nx\n")).interactions[0]
        #expect(halted.tags.names == ["halted"])
        #expect(halted.isStopped)
        #expect(halted.queue == "inbound")
        let normal = pipeline.process(message: Support.message("Subject: hello\n\nx\n")).interactions[0]
        #expect(normal.tags.names == ["after"])
        #expect(normal.queue == "late")
    }

    @Test func headerOnlyRulesNeedNoStructure() throws {
        let pipeline = try #require(Support.load("stop.xml").pipeline)
        #expect(pipeline.needs.isEmpty)
        #expect(pipeline.messageScope == .header)
    }

    @Test(arguments: ["plain_emails", "attachment_emails", "mime_emails", "multi_charset", "error_emails"])
    func corpusMessagesAreRoutedWithoutFailing(_ folder: String) throws {
        let pipeline = try #require(Support.routing)
        let directory = Support.corpus + folder
        let names = try #require(CorpusListing.files(in: directory))
        #expect(!names.isEmpty)
        for name in names {
            guard let bytes = CorpusListing.read(directory + "/" + name) else { continue }
            let decision = pipeline.process(message: Message(bytes: bytes, scope: pipeline.messageScope), mailboxName: "support")
            #expect(decision.fetchAction == .process)
            #expect(decision.interactions.count == 1)
            #expect(decision.interactions.first?.queue != nil, "\(name)")
        }
    }
}
