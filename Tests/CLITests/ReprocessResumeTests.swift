import Foundation
import Testing

/// `--checkpoint`: a run killed with SIGKILL part way continues where it
/// stopped and gives the report an uninterrupted run gives, byte for byte.
@Suite struct ReprocessResumeTests {
    static let arguments = ["reprocess"] + ReprocessCommandTests.fixtures + ReprocessCommandTests.compare

    static func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mailroute-resume-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test(arguments: [1, 4, 7]) func aKilledRunResumesToTheSameReport(killAfter: Int) throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let checkpoint = folder.appendingPathComponent("run.checkpoint").path
        let uninterrupted = try CommandRunner.run(Self.arguments + ["--format", "jsonl", "--quiet"])

        let killed = try CommandRunner.run(
            Self.arguments + ["--format", "jsonl", "--checkpoint", checkpoint, "--jobs", "2"],
            environment: ["MAILROUTE_TEST_KILL_AFTER": String(killAfter), "MAILROUTE_TEST_CHECKPOINT_EVERY": "2"])
        #expect(killed.status == 9, "killed by SIGKILL")
        #expect(killed.standardOutput.isEmpty)
        #expect(FileManager.default.fileExists(atPath: checkpoint) == (killAfter >= 2))

        let resumed = try CommandRunner.run(Self.arguments + ["--format", "jsonl", "--checkpoint", checkpoint, "--jobs", "2"])
        #expect(resumed.status == 0)
        #expect(resumed.standardOutput == uninterrupted.standardOutput)
        if killAfter >= 2 {
            #expect(resumed.standardError.contains("resuming from \(checkpoint): \(killAfter / 2 * 2) entries already done"))
        }
        #expect(!FileManager.default.fileExists(atPath: checkpoint), "a finished run removes its checkpoint")
        #expect(!FileManager.default.fileExists(atPath: checkpoint + ".records"))
    }

    @Test func aCheckpointOfAnotherRunIsRefused() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let checkpoint = folder.appendingPathComponent("run.checkpoint").path
        let killed = try CommandRunner.run(
            Self.arguments + ["--checkpoint", checkpoint, "--quiet"],
            environment: ["MAILROUTE_TEST_KILL_AFTER": "3", "MAILROUTE_TEST_CHECKPOINT_EVERY": "1"])
        #expect(killed.status == 9)

        let otherRules = try CommandRunner.run(
            ["reprocess"] + ReprocessCommandTests.fixtures + ["--rules", "Rules/acme/rules.xml", "--checkpoint", checkpoint])
        #expect(otherRules.status == 2)
        #expect(otherRules.standardError.contains("the checkpoint \(checkpoint) is of another run: another --compare (Rules/acme/rules-previous.xml)"))

        let otherSources = try CommandRunner.run(
            ["reprocess", "Fixtures/mailboxes/billing"] + ReprocessCommandTests.compare + ["--checkpoint", checkpoint])
        #expect(otherSources.status == 2)
        #expect(otherSources.standardError.contains("other sources (Fixtures/mailboxes/support.mbox Fixtures/mailboxes/billing Fixtures/mailboxes/legal)"))
        #expect(FileManager.default.fileExists(atPath: checkpoint), "a refused resume leaves the checkpoint alone")
    }
}
