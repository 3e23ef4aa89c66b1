import MessageModel
import Pipeline
import Rules
import Testing

/// Facts shared between two pipelines processing the same message
/// (`reprocess --compare`) must change no decision of either: not when the
/// mailboxes differ (conditions read the mailbox name), not when one of them
/// strips the message (a stripped message has facts of its own).
@Suite struct SharedFactsTests {
    @Test(arguments: ["plain_emails", "multi_charset", "error_emails", "attachment_emails"])
    func aSecondPipelineDecidesWhatItDecidesAlone(_ folder: String) throws {
        let directory = Support.corpus + folder
        let names = try #require(CorpusListing.files(in: directory))
        #expect(!names.isEmpty)
        let runs: [(pipeline: Pipeline, mailbox: String?)] = try (UntracedRunTests.ruleFiles + [
            (Support.fixtures + "routing.xml", "tiny"), (Support.fixtures + "routing.xml", "forced"),
        ]).map { path, mailbox in (try #require(RuleSetLoader().load(path).pipeline, "\(path)"), mailbox) }
        for name in names {
            guard let bytes = CorpusListing.read(directory + "/" + name) else { continue }
            let message = Message(bytes: bytes, scope: .structure)
            let alone = runs.map { Self.outcome(of: $0.pipeline.process(message: message, mailboxName: $0.mailbox)) }
            for first in runs.indices {
                for second in runs.indices where second != first {
                    let facts = SharedFacts()
                    let firstShared = runs[first].pipeline.process(
                        message: message, mailboxName: runs[first].mailbox, sharing: facts)
                    let secondShared = runs[second].pipeline.process(
                        message: message, mailboxName: runs[second].mailbox, sharing: facts)
                    #expect(Self.outcome(of: firstShared) == alone[first], "\(name): run \(first) before \(second)")
                    #expect(Self.outcome(of: secondShared) == alone[second], "\(name): run \(second) after \(first)")
                }
            }
        }
    }

    /// A decision as ``UntracedRunTests/outcome(of:)`` gives it, with the
    /// trace, less the decoding defects, which a shared instance collects
    /// for every pipeline that used it.
    static func outcome(of decision: Decision) -> [String] {
        UntracedRunTests.outcome(of: decision).filter { !$0.hasPrefix("decoding ") }
            + decision.interactions.map { interaction in
                "trace " + interaction.trace.map { entry in
                    "\(entry.stage) \(entry.ruleID ?? "-") \(entry.matched.map(String.init) ?? "-") \(entry.captured) \(entry.note ?? "-")"
                }.joined(separator: "; ")
            }
    }
}
