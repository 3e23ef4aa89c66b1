import MessageModel
import Pipeline
import Rules
import Testing

/// A run without a trace (`tracing: false`, what replay uses) evaluates rules
/// only as far as the decision needs, and a worker thread uses an isolated
/// copy of the pipeline; both must decide exactly what a traced run of the
/// original decides, on every rule file and every corpus message.
@Suite struct UntracedRunTests {
    /// Rule files of the fixtures and of `Rules/`, with the mailbox to use (nil: chosen per message).
    static let ruleFiles: [(path: String, mailbox: String?)] = [
        (Support.fixtures + "routing.xml", "support"),
        (Support.fixtures + "routing.xml", "fanout"),
        (Support.fixtures + "routing.xml", nil),
        (Support.fixtures + "stop.xml", nil),
        (Support.fixtures + "with-library.xml", nil),
        (Support.fixtures + "catastrophic.xml", nil),
        (Support.rules + "acme/rules.xml", nil),
        (Support.rules + "bench/acme.xml", nil),
    ]

    @Test(arguments: ["plain_emails", "attachment_emails", "mime_emails", "multi_charset", "error_emails", "rfc2822"])
    func decidesWhatATracedRunDecides(_ folder: String) throws {
        let messages = try Self.messages(in: folder)
        for (path, mailbox) in Self.ruleFiles {
            let pipeline = try #require(RuleSetLoader().load(path).pipeline, "\(path)")
            let isolatedCopy = pipeline.isolatedCopy()
            for (name, bytes) in messages {
                let message = Message(bytes: bytes, scope: pipeline.messageScope)
                let traced = pipeline.process(message: message, mailboxName: mailbox, reportedSize: bytes.count)
                let untraced = pipeline.process(
                    message: message, mailboxName: mailbox, reportedSize: bytes.count, tracing: false)
                #expect(Self.outcome(of: untraced) == Self.outcome(of: traced), "\(path) \(name)")
                let isolated = isolatedCopy.process(
                    message: message, mailboxName: mailbox, reportedSize: bytes.count, tracing: false)
                #expect(Self.outcome(of: isolated) == Self.outcome(of: traced), "\(path) \(name), isolated copy")
                #expect(untraced.interactions.allSatisfy { $0.trace.isEmpty })
            }
        }
    }

    /// A trace without unmatched rules (what `run` stores in sidecars) decides
    /// the same and holds exactly the full trace's entries for matching rules
    /// and stage notes, in the same order.
    @Test(arguments: ["plain_emails", "mime_emails", "multi_charset", "error_emails"])
    func aTraceWithoutUnmatchedRulesIsTheFullTraceFiltered(_ folder: String) throws {
        let messages = try Self.messages(in: folder)
        var matchedEntries = 0
        for (path, mailbox) in Self.ruleFiles {
            let pipeline = try #require(RuleSetLoader().load(path).pipeline, "\(path)")
            for (name, bytes) in messages {
                let message = Message(bytes: bytes, scope: pipeline.messageScope)
                let full = pipeline.process(message: message, mailboxName: mailbox, reportedSize: bytes.count)
                let matched = pipeline.process(
                    message: message, mailboxName: mailbox, reportedSize: bytes.count, unmatchedRules: false)
                #expect(Self.outcome(of: matched) == Self.outcome(of: full), "\(path) \(name)")
                #expect(
                    matched.interactions.map(\.trace) == full.interactions.map { $0.trace.filter { $0.matched != false } },
                    "\(path) \(name)")
                matchedEntries += matched.interactions.reduce(0) { $0 + $1.trace.filter { $0.matched == true }.count }
            }
        }
        #expect(matchedEntries > 0, "some rule matched, so the comparison covered explained entries")
    }

    /// A pattern that gives up is still reported, with the same rule and place, without a trace.
    @Test func aPatternThatGivesUpIsReportedWithoutATrace() throws {
        let pipeline = try #require(Support.load("catastrophic.xml").pipeline)
        let text = "Subject: " + String(repeating: "a", count: 40) + "!\n\nbody\n"
        let interaction = try #require(pipeline.process(message: Support.message(text), tracing: false).interactions.first)
        #expect(interaction.queue == "inbound")
        #expect(interaction.defects.map(\.ruleID) == ["boom"])
        #expect(interaction.defects.first?.location.line == 6)
        #expect(interaction.trace.isEmpty)
    }

    /// The readable messages of a corpus folder, by file name; the folder must have some.
    static func messages(in folder: String) throws -> [(name: String, bytes: [UInt8])] {
        let directory = Support.corpus + folder
        let names = try #require(CorpusListing.files(in: directory))
        #expect(!names.isEmpty)
        return names.compactMap { name in CorpusListing.read(directory + "/" + name).map { (name, $0) } }
    }

    /// Everything a decision says except the trace, as text that compares.
    static func outcome(of decision: Decision) -> [String] {
        var lines = [
            "mailbox \(decision.mailbox) \(decision.fetchAction) \(decision.checksDuplicateMessageID)",
            "decoding \(decision.decodingDefects.map(\.description))",
        ]
        for interaction in decision.interactions {
            lines.append(
                "queue \(interaction.queue ?? "-") tags \(interaction.tags.names) "
                    + "attributes \(interaction.attributes.pairs.map { "\($0.name)=\($0.value)" }) "
                    + "edits \(interaction.headerEdits) copy \(interaction.copyRecipient ?? "-") "
                    + "stripped \(interaction.isStripped) forced \(interaction.isForced) stopped \(interaction.isStopped) "
                    + "defects \(interaction.defects.map(\.description))")
        }
        return lines
    }
}
