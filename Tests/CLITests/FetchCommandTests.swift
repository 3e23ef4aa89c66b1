import Foundation
import Testing

/// `mailroute fetch` as an operator runs it: what it refuses before connecting anywhere.
/// (Copies from a real server are in ServiceTests' DownloadTests.)
@Suite struct FetchCommandTests {
    @Test func anUnknownMailboxIsNamedWithTheKnownOnesAndNothingIsCreated() throws {
        let into = FileManager.default.temporaryDirectory.appendingPathComponent("mailroute-fetch-\(UUID().uuidString)").path
        let result = try CommandRunner.run(["fetch", "--config", "Fixtures/config/acme.xml", "--mailbox", "sales", "--into", into])
        #expect(result.status == 2)
        #expect(result.standardError.contains("has no mailbox named 'sales' (it has: support, billing, legal)"))
        #expect(result.standardOutput.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: into))
    }

    @Test func aLimitBelowOneIsRefused() throws {
        let result = try CommandRunner.run([
            "fetch", "--config", "Fixtures/config/acme.xml", "--mailbox", "support", "--into", "/nonexistent/x", "--limit", "0",
        ])
        #expect(result.status != 0)
        #expect(result.standardError.contains("--limit must be at least 1, not 0"))
    }

    @Test func aConfigurationWithErrorsIsReportedAndNothingFetched() throws {
        let result = try CommandRunner.run([
            "fetch", "--config", "Fixtures/config/broken/options.xml", "--mailbox", "support", "--into", "/nonexistent/x",
        ])
        #expect(result.status == 2)
        #expect(result.standardError.contains("Fixtures/config/broken/options.xml has errors; nothing fetched"))
        #expect(!result.standardError.contains("hunter2-must-never-show"))
    }
}
