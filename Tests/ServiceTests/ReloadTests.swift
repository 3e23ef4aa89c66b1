import Foundation
import Pipeline
import Service
import Testing

/// Rules and options change while the service runs.
@Suite struct ReloadTests {
    @Test func changedRulesAreUsedAndBrokenOnesKeepTheOldRules() throws {
        let directory = NSTemporaryDirectory() + "mailroute-reload-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/rules.xml"
        let rules = { (queue: String) in
            """
            <rules version="1">
              <queues default-inbound="\(queue)"><queue name="\(queue)"/></queues>
              <mailbox name="support" address="support@acme.example"/>
              <pipeline><routing/></pipeline>
            </rules>

            """
        }
        try rules("first").write(toFile: path, atomically: true, encoding: .utf8)
        let logs = LogCapture()
        let watched = try WatchedFiles<Pipeline>("rules", path: path) { path in
            let result = RuleSetLoader().load(path)
            return .init(value: result.pipeline, files: result.files, problems: result.diagnostics.map { "\($0)" })
        }
        #expect(watched.current(logger: logs.logger()).directory.queues.keys.sorted() == ["first"])

        try "<rules version=\"1\"><broken".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(watched.current(logger: logs.logger()).directory.queues.keys.sorted() == ["first"])
        #expect(logs.text.contains("rules.xml changed and has errors now; going on with the rules loaded before"))
        #expect(logs.text.contains("rules.xml:1:"))

        try rules("second").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(watched.current(logger: logs.logger()).directory.queues.keys.sorted() == ["second"])
        #expect(logs.text.contains("rules reloaded"))
    }

    @Test func brokenRulesAtStartAreRefusedWithTheirProblems() throws {
        #expect {
            _ = try WatchedFiles<Pipeline>("rules", path: "/nonexistent/rules.xml") { path in
                let result = RuleSetLoader().load(path)
                return .init(value: result.pipeline, files: result.files, problems: result.diagnostics.map { "\($0)" })
            }
        } throws: { error in
            "\(error)".contains("/nonexistent/rules.xml has errors; the rules cannot be used")
        }
    }

    @Test func backoffDoublesFromTheCycleTimeUpToTheCeilingAndNeverStops() {
        let backoff = RetryBackoff(cycleTime: .seconds(30), ceiling: .seconds(600))
        #expect((0...6).map { backoff.delay(afterFailures: $0) }
                == [.seconds(30), .seconds(60), .seconds(120), .seconds(240), .seconds(480), .seconds(600), .seconds(600)])
        #expect(backoff.delay(afterFailures: 10_000) == .seconds(600))
    }
}
