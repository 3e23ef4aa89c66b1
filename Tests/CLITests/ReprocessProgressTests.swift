import Foundation
import Testing

/// Progress on standard error: plain lines when it is not a terminal, nothing with --quiet.
@Suite struct ReprocessProgressTests {
    /// A Maildir and a directory of .eml files: counted before reading, so progress shows done/total.
    static let countable = ["reprocess", "Fixtures/mailboxes/billing", "Fixtures/mailboxes/legal", "--rules", "Rules/acme/rules.xml"]

    @Test func plainLinesWithDoneAndTotalWhenNotATerminal() throws {
        let result = try CommandRunner.run(Self.countable, environment: ["MAILROUTE_TEST_PROGRESS_EVERY_ENTRY": "1"])
        #expect(result.status == 0)
        let lines = result.standardError.split(separator: "\n")
        try #require(lines.count == 5, "\(result.standardError)")
        #expect(!result.standardError.contains("\r"), "no in-place updates on a file")
        for (index, line) in lines.prefix(4).enumerated() {
            #expect(line.hasPrefix("reprocess: \(index + 1)/4 entries (\((index + 1) * 100 / 4)%), "), "\(line)")
            #expect(line.contains(" msgs/s, ETA "), "\(line)")
        }
        #expect(lines[4].hasPrefix("reprocess: done: 4 entries, 4 in this run in "))
    }

    /// An mbox's message count is unknown until it is read: progress counts bytes instead.
    @Test func bytesDoneAndTotalForAnMbox() throws {
        let result = try CommandRunner.run(
            ["reprocess", "Fixtures/mailboxes/support.mbox", "--rules", "Rules/acme/rules.xml"],
            environment: ["MAILROUTE_TEST_PROGRESS_EVERY_ENTRY": "1"])
        let lines = result.standardError.split(separator: "\n")
        try #require(lines.count == 6, "\(result.standardError)")
        #expect(lines[0].firstMatch(of: #/^reprocess: 1 entry, [0-9.]+\/[0-9.]+ KB \([0-9]+%\), /#) != nil, "\(lines[0])")
        // The last message ends just before the end of the file (the mbox's own framing follows it).
        let last = try #require(lines[4].firstMatch(of: #/^reprocess: 5 entries, [0-9.]+\/[0-9.]+ KB \(([0-9]+)%\), /#), "\(lines[4])")
        #expect(Int(last.1).map { $0 >= 90 } == true, "\(lines[4])")
    }

    @Test func nothingWithQuiet() throws {
        let result = try CommandRunner.run(Self.countable + ["--quiet"], environment: ["MAILROUTE_TEST_PROGRESS_EVERY_ENTRY": "1"])
        #expect(result.status == 0)
        #expect(result.standardError.isEmpty)
        #expect(result.standardOutput.hasPrefix("reprocess: 4 messages from 2 sources\n"))
    }
}
