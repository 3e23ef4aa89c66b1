import Foundation
import Testing

/// Bad stored messages: each is listed with why, counted, and the run goes on.
@Suite struct ReprocessBadEntryTests {
    static let mailGem = CommandRunner.root.deletingLastPathComponent().appendingPathComponent("shared/corpus/mail-gem/error_emails")

    /// The broken messages of mail-gem's error_emails, an empty file and a link
    /// (links in a mailbox are not followed) in one directory of .eml files.
    @Test func unreadableEntriesAreListedAndCountedAndTheRunGoesOn() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mailroute-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.mailGem.path).filter { $0.hasSuffix(".eml") }.sorted()
        try #require(names.count > 20, "mail-gem's error_emails are in ../shared/corpus")
        for name in names {
            try FileManager.default.copyItem(at: Self.mailGem.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        _ = FileManager.default.createFile(atPath: folder.appendingPathComponent("0-empty.eml").path, contents: Data())
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("0-link.eml").path, withDestinationPath: "/etc/passwd")

        let result = try CommandRunner.run(["reprocess", folder.path, "--rules", "Rules/acme/rules.xml", "--quiet"])
        #expect(result.status == 0)
        let output = result.standardOutput
        #expect(output.hasPrefix("reprocess: \(names.count) messages from 1 source\n"))
        #expect(output.contains("  unreadable entries: 2; messages on which a rule failed: 0\n"))
        #expect(output.contains("\nbad entries (2):\n"))
        #expect(output.contains("\(folder.path)/0-empty.eml: unreadable: empty file: there is no message to read\n"))
        #expect(output.contains("\(folder.path)/0-link.eml: unreadable: skipped: a symbolic link, not a regular file"))

        let json = try CommandRunner.run(["reprocess", folder.path, "--rules", "Rules/acme/rules.xml", "--quiet", "--format", "jsonl"])
        let bad = json.standardOutput.split(separator: "\n").filter { $0.hasPrefix("{\"bad\":") }
        #expect(bad.count == 2)
        #expect(bad.first?.contains("\"entry\":[0,1],") == true)
    }

    /// A pattern that reaches its match limit: the message is routed, listed as a rule error, counted.
    @Test func messagesOnWhichARuleFailsAreListedAndStillRouted() throws {
        let result = try CommandRunner.run([
            "reprocess", "Fixtures/rules/catastrophic/hostile.mbox", "Fixtures/mailboxes/nowhere",
            "--rules", "Fixtures/rules/catastrophic/rules.xml", "--quiet",
        ])
        #expect(result.status == 0)
        let output = result.standardOutput
        #expect(output.contains("  unreadable entries: 1; messages on which a rule failed: 1\n"))
        #expect(output.contains("\nbad entries (2):\n"))
        #expect(output.contains("Fixtures/rules/catastrophic/hostile.mbox:1 (message 1): rule-error: rule \"nested-quantifiers\""))
        #expect(output.contains("Fixtures/mailboxes/nowhere: unreadable: mailbox not found: Fixtures/mailboxes/nowhere does not exist\n"))
        #expect(output.firstMatch(of: /\n  general +1\n/) != nil, "the message was still routed")
    }
}
