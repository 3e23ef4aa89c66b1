import Foundation
import Testing

/// `reprocess --apply --queues DIR`: the acme fixtures routed into a real
/// queue store, each message stored exactly once however often the run is
/// repeated or killed with SIGKILL and started again.
@Suite struct ReprocessApplyTests {
    static let rules = ["--rules", "Rules/acme/rules.xml"]
    /// Interactions per queue of the fixtures under the acme rules (as the dry-run report counts them).
    static let expectedQueues = ["auto-replies": 1, "billing": 3, "complaints": 1, "general": 1, "legal": 5, "vip": 1]

    /// A fresh directory, removed by the caller.
    static func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mailroute-apply-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Reprocesses `sources` into the store at `store`; the JSON report on standard output.
    static func apply(
        _ sources: [String] = ReprocessCommandTests.fixtures, into store: URL, _ extra: [String] = [],
        environment: [String: String] = [:]
    ) throws -> CommandRunner.Result {
        try CommandRunner.run(
            ["reprocess"] + sources + rules + ["--apply", "--queues", store.path, "--format", "jsonl", "--quiet"] + extra,
            environment: environment)
    }

    /// The `store` object of the report's summary line.
    static func storeCounts(_ result: CommandRunner.Result) throws -> [String: Any] {
        let last = try #require(result.standardOutput.split(separator: "\n").last)
        let line = try #require(JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any])
        let summary = try #require(line["summary"] as? [String: Any])
        return try #require(summary["store"] as? [String: Any])
    }

    @Test func everyInteractionIsStoredOnceAndASecondRunStoresNothingNew() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("store")

        let first = try Self.apply(into: store, ["--jobs", "2"])
        #expect(first.status == 0, "\(first.standardError)")
        let counts = try Self.storeCounts(first)
        #expect(counts["stored"] as? Int == 9)
        #expect(counts["interactions"] as? Int == 12)
        #expect(counts["already_stored"] as? Int == 0)
        #expect(counts["duplicate_message_ids"] as? Int == 0)
        #expect((counts["ledger"] as? String)?.hasPrefix("reprocess-") == true)
        let stored = try QueueStoreListing(root: store)
        #expect(stored.problems.isEmpty && stored.duplicates.isEmpty)
        #expect(stored.queueCounts == Self.expectedQueues)
        #expect(stored.messages.count == 12 + 9, "every interaction, and every message once in the spool")

        let second = try Self.apply(into: store)
        #expect(second.status == 0)
        let again = try Self.storeCounts(second)
        #expect(again["stored"] as? Int == 0)
        #expect(again["already_stored"] as? Int == 9)
        #expect(try QueueStoreListing(root: store) == stored)

        // Any Maildir reader sees the queues: replay reads the billing queue as it reads a mailbox.
        let billing = store.appendingPathComponent("queues/billing").path
        let replay = try CommandRunner.run(["replay", billing] + Self.rules + ["--format", "jsonl"])
        #expect(replay.status == 0)
        #expect(replay.standardOutput.contains("\"messages\":3"), "\(replay.standardOutput)")
        #expect(replay.standardOutput.split(separator: "\n").filter { $0.contains("\"position\":\"\(billing)/new/") }.count == 3)
    }

    /// Killed after K messages, then run again with the same command: the
    /// store holds exactly what an uninterrupted run stores in another store,
    /// the same interaction ids, none twice, none missing. Without
    /// `--checkpoint` a commit every 2 messages leaves some stored and some
    /// only staged, and the second run offers every message again: the ledger
    /// finds those committed already stored. With a checkpoint every 2
    /// messages, the commits are those before each checkpoint (the batch would
    /// otherwise hold 500), and the second run starts at the checkpoint.
    @Test(arguments: [(1, false), (4, false), (7, false), (3, true), (8, true)])
    func aKilledRunStartedAgainStoresExactlyWhatAnUninterruptedRunStores(killAfter: Int, checkpoints: Bool) throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let reference = folder.appendingPathComponent("reference")
        #expect(try Self.apply(into: reference).status == 0)
        let expected = try QueueStoreListing(root: reference)

        let store = folder.appendingPathComponent("store")
        let checkpoint = checkpoints ? ["--checkpoint", folder.appendingPathComponent("run.checkpoint").path] : []
        let hooks = checkpoints ? ["MAILROUTE_TEST_CHECKPOINT_EVERY": "2"] : ["MAILROUTE_TEST_COMMIT_EVERY": "2"]
        let killed = try Self.apply(
            into: store, checkpoint + ["--jobs", "2"], environment: hooks.merging(["MAILROUTE_TEST_KILL_AFTER": String(killAfter)]) { $1 })
        #expect(killed.status == 9, "killed by SIGKILL")
        // What a mail tool sees after the crash: whole messages with their sidecars, each once, all of them right.
        let visible = try QueueStoreListing(root: store)
        #expect(visible.problems.isEmpty && visible.duplicates.isEmpty)
        #expect(visible.messages.count - visible.interactions.count == killAfter / 2 * 2, "the messages committed before the kill")
        #expect(visible.interactions.count < expected.interactions.count)
        for (id, message) in visible.messages { #expect(expected.messages[id] == message, "\(id)") }

        let resumed = try Self.apply(into: store, checkpoint + ["--jobs", "2"], environment: hooks)
        #expect(resumed.status == 0, "\(resumed.standardError)")
        let final = try QueueStoreListing(root: store)
        #expect(final.problems.isEmpty && final.duplicates.isEmpty)
        #expect(final == expected)
        #expect(final.queueCounts == Self.expectedQueues)

        let counts = try Self.storeCounts(resumed)
        let committedBeforeTheKill = killAfter / 2 * 2
        // A checkpoint is written just after each commit: the second run starts there and finds nothing stored twice.
        #expect(counts["already_stored"] as? Int == (checkpoints ? 0 : committedBeforeTheKill))
        #expect(counts["stored"] as? Int == (checkpoints ? 9 : 9 - committedBeforeTheKill))
        let ledger = try #require(counts["ledger"] as? String)
        let staging = store.appendingPathComponent("sources/\(ledger)/staging").path
        #expect(try FileManager.default.contentsOfDirectory(atPath: staging).isEmpty, "nothing left staged")
    }

    /// The Message-ID check applies as each message's mailbox says: a second
    /// copy of a billing message is a duplicate, while legal (which copies to
    /// recipients) stores every copy.
    @Test func aMessageIDSeenBeforeIsADuplicateWhereTheMailboxChecksIt() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let messages = folder.appendingPathComponent("messages")
        try FileManager.default.createDirectory(at: messages, withIntermediateDirectories: true)
        let billing = CommandRunner.root.appendingPathComponent("Fixtures/mailboxes/billing/new/1793610000.M2P100.acme")
        let legal = CommandRunner.root.appendingPathComponent("Fixtures/mailboxes/legal/contract-renewal.eml")
        for (source, name) in [(billing, "a.eml"), (billing, "b.eml"), (legal, "c.eml"), (legal, "d.eml")] {
            try FileManager.default.copyItem(at: source, to: messages.appendingPathComponent(name))
        }
        let store = folder.appendingPathComponent("store")
        let result = try Self.apply([messages.path], into: store)
        #expect(result.status == 0, "\(result.standardError)")
        let counts = try Self.storeCounts(result)
        #expect(counts["stored"] as? Int == 3)
        #expect(counts["duplicate_message_ids"] as? Int == 1)
        #expect(counts["interactions"] as? Int == 1 + 3 + 3)
        #expect(try QueueStoreListing(root: store).queueCounts == ["billing": 1, "legal": 6])
    }

    /// Messages the rules leave (or delete) are reported and counted, never stored.
    @Test func messagesLeftByTheRulesAreReportedNotStored() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rules = folder.appendingPathComponent("tiny.xml")
        try """
            <?xml version="1.0" encoding="UTF-8"?>
            <rules version="1">
              <queues default-inbound="inbound"><queue name="inbound"/></queues>
              <mailbox name="tiny" address="tiny@acme.example" maximum-msg-size="100B" enable-big-msg-stripping="false"/>
              <pipeline><size-check/></pipeline>
            </rules>
            """.write(to: rules, atomically: true, encoding: .utf8)
        let store = folder.appendingPathComponent("store")
        let result = try CommandRunner.run(
            ["reprocess"] + ReprocessCommandTests.fixtures
                + ["--rules", rules.path, "--mailbox", "tiny", "--apply", "--queues", store.path, "--quiet"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.firstMatch(of: #/\n  not processed: left +9\n/#) != nil, "\(result.standardOutput)")
        #expect(result.standardOutput.firstMatch(of: #/\n  stored +0  \(0 interactions\)\n/#) != nil)
        #expect(result.standardOutput.firstMatch(of: #/\n  not processed \(left or deleted\) +9\n/#) != nil)
        #expect(try QueueStoreListing(root: store).messages.isEmpty)
    }

    @Test(arguments: [
        (["--apply"], "--apply needs --queues DIR"),
        (["--queues", "/tmp/never"], "add --apply"),
        (["--apply", "--queues", "/tmp/never", "--compare", "Rules/acme/rules-previous.xml"], "cannot be combined with --compare"),
    ])
    func applyOptionsThatDoNotGoTogetherAreRefused(extra: [String], message: String) throws {
        let result = try CommandRunner.run(["reprocess"] + ReprocessCommandTests.fixtures + Self.rules + extra)
        #expect(result.status != 0)
        #expect(result.standardError.contains(message), "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: "/tmp/never"))
    }

    @Test func standardInputCannotBeApplied() throws {
        let input = try Data(contentsOf: CommandRunner.root.appendingPathComponent("Fixtures/mailboxes/legal/contract-renewal.eml"))
        let result = try CommandRunner.run(["reprocess", "-"] + Self.rules + ["--apply", "--queues", "/tmp/never"], input: [UInt8](input))
        #expect(result.status != 0)
        #expect(result.standardError.contains("--apply cannot store standard input"))
    }

    /// A checkpoint says where the messages before it were stored: a dry
    /// run's checkpoint cannot be continued with --apply, nor one into another store.
    @Test func aCheckpointOfADryRunOrAnotherStoreIsRefused() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let checkpoint = folder.appendingPathComponent("run.checkpoint").path
        let dry = try CommandRunner.run(
            ["reprocess"] + ReprocessCommandTests.fixtures + Self.rules + ["--checkpoint", checkpoint, "--quiet"],
            environment: ["MAILROUTE_TEST_KILL_AFTER": "3", "MAILROUTE_TEST_CHECKPOINT_EVERY": "1"])
        #expect(dry.status == 9)
        let applied = try Self.apply(into: folder.appendingPathComponent("store"), ["--checkpoint", checkpoint])
        #expect(applied.status == 2)
        #expect(applied.standardError.contains("it is of a dry run (no --apply), so the messages before it were not stored"))

        try FileManager.default.removeItem(atPath: checkpoint)
        let first = folder.appendingPathComponent("first")
        let killed = try Self.apply(
            into: first, ["--checkpoint", checkpoint],
            environment: ["MAILROUTE_TEST_KILL_AFTER": "3", "MAILROUTE_TEST_CHECKPOINT_EVERY": "1"])
        #expect(killed.status == 9)
        let other = try Self.apply(into: folder.appendingPathComponent("other"), ["--checkpoint", checkpoint])
        #expect(other.status == 2)
        #expect(other.standardError.contains("another --queues (\(first.resolvingSymlinksInPath().path))"), "\(other.standardError)")
    }
}
