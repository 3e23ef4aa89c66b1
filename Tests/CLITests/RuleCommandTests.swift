import Foundation
import Testing

/// `lint`, `replay`, `explain` and `test` as a routing designer runs them, against golden files.
@Suite struct RuleCommandTests {
    static let fixtures = ["Fixtures/mailboxes/support.mbox", "Fixtures/mailboxes/billing", "Fixtures/mailboxes/legal"]

    @Test func theShippedRuleFilesLintClean() throws {
        let result = try CommandRunner.run(["lint", "Rules/acme/rules.xml", "Rules/bench/acme.xml"])
        #expect(result.status == 0)
        #expect(result.standardOutput == "2 files checked: 0 errors, 0 warnings\n")
    }

    /// Each broken file: malformed XML, schema violations, a pattern that does not compile,
    /// an include cycle, a missing include, an empty file, an option out of range,
    /// a stage written twice, another version of the language.
    @Test(arguments: [
        "malformed", "unknown-element", "unknown-attribute", "bad-pattern", "cycle-a", "missing-include", "empty",
        "option-out-of-range", "stage-twice", "version-2",
    ])
    func brokenRuleFilesGiveLocatedErrors(name: String) throws {
        let result = try CommandRunner.run(["lint", "Fixtures/rules/broken/\(name).xml"])
        #expect(result.status == 1)
        #expect(try CommandRunner.matchesGolden(result.standardOutput, "lint-\(name).txt"))
        for line in result.standardOutput.split(separator: "\n").dropLast() {
            #expect(line.wholeMatch(of: /Fixtures\/rules\/broken\/[a-z0-9-]+\.xml:\d+:\d+: (error|warning): .+/) != nil, "\(line)")
        }
    }

    @Test func replayTableMatchesGoldenAndIsTheSameOnEveryRunAndThreadCount() throws {
        let arguments = ["replay"] + Self.fixtures + ["--rules", "Rules/acme/rules.xml"]
        let one = try CommandRunner.run(arguments + ["--jobs", "1"])
        let three = try CommandRunner.run(arguments + ["--jobs", "3"])
        #expect(one.status == 0)
        #expect(one.standardError.isEmpty)
        #expect(one.standardOutput == three.standardOutput)
        #expect(try CommandRunner.matchesGolden(one.standardOutput, "replay-acme.txt"))
    }

    @Test func replayJSONLinesMatchesGolden() throws {
        let result = try CommandRunner.run(["replay"] + Self.fixtures + ["--rules", "Rules/acme/rules.xml", "--format", "jsonl"])
        #expect(result.status == 0)
        #expect(try CommandRunner.matchesGolden(result.standardOutput, "replay-acme.jsonl"))
        for line in result.standardOutput.split(separator: "\n") {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil, "\(line)")
        }
    }

    @Test func replayWithAForcedMailboxProfile() throws {
        let result = try CommandRunner.run(["replay", "Fixtures/mailboxes/legal", "--rules", "Rules/acme/rules.xml", "--mailbox", "support"])
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix("Fixtures/mailboxes/legal/contract-renewal.eml | <contract-77@lawfirm.example> | support | "))
        let unknown = try CommandRunner.run(["replay", "Fixtures/mailboxes/legal", "--rules", "Rules/acme/rules.xml", "--mailbox", "sales"])
        #expect(unknown.status != 0)
        #expect(unknown.standardError.contains("no mailbox profile named \"sales\""))
    }

    /// A catastrophic pattern meets hostile input: the match limit ends it, the rule and
    /// the message are named, the message goes to the default queue, the replay goes on.
    @Test func aCatastrophicPatternEndsAtTheMatchLimitAndTheReplayGoesOn() throws {
        let result = try CommandRunner.run([
            "replay", "Fixtures/rules/catastrophic/hostile.mbox", "--rules", "Fixtures/rules/catastrophic/rules.xml",
        ])
        #expect(result.status == 0)
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.first?.contains("<hostile@example.com> | support | general |") == true)
        #expect(lines.first?.hasSuffix("rule-errors=1") == true)
        #expect(lines.dropFirst().first?.contains("<fine@example.com> | support | suspicious |") == true)
        #expect(result.standardError.contains("hostile.mbox:1 (message 1): rule \"nested-quantifiers\""))
        #expect(result.standardError.contains("match limit"))
    }

    /// Header-only rules read only the header section of each file, yet sizes are those of the whole message.
    @Test func headerOnlyRulesStillSeeTheWholeSize() throws {
        let result = try CommandRunner.run(["replay", "Fixtures/mailboxes/billing", "--rules", "Fixtures/rules/header-only.xml"])
        #expect(result.status == 0)
        let big = result.standardOutput.split(separator: "\n").first { $0.contains("<scan-4713@northwind.example>") }.map(String.init)
        #expect(big == "Fixtures/mailboxes/billing/new/1793700000.M3P100.acme | <scan-4713@northwind.example> | billing | billing | big | "
            + "mailroute-stripped=true,mailroute-original-size=49801,mailroute-strip-reason=larger than 32768 bytes | stripped")
    }

    @Test func explainMatchesGolden() throws {
        let result = try CommandRunner.run(["explain", "Rules/acme/cases/vip-urgent.eml", "--rules", "Rules/acme/rules.xml"])
        #expect(result.status == 0)
        #expect(try CommandRunner.matchesGolden(result.standardOutput, "explain-vip-urgent.txt"))
    }

    @Test func theAcmeRegressionCasesPass() throws {
        let result = try CommandRunner.run(["test", "Rules/acme/rules.xml", "--cases", "Rules/acme/cases"])
        #expect(result.status == 0)
        #expect(result.standardOutput.hasSuffix("13 passed, 0 failed\n"))
    }

    @Test func aFailingCaseShowsTheDifferenceAndFails() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mailroute-cases-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let message = try Data(contentsOf: CommandRunner.root.appendingPathComponent("Rules/acme/cases/vip-urgent.eml"))
        try message.write(to: folder.appendingPathComponent("wrong.eml"))
        try Data("mailbox: support\nqueue: support\ntags: vip\n".utf8).write(to: folder.appendingPathComponent("wrong.expect"))
        let result = try CommandRunner.run(["test", "Rules/acme/rules.xml", "--cases", folder.path])
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("FAIL wrong\n  interaction 1 queue: expected support, actual vip\n  interaction 1 tags: expected vip, actual urgent vip\n"))
        #expect(result.standardOutput.hasSuffix("0 passed, 1 failed\n"))
    }

    @Test func theBuiltInSchemaIsTheShippedOne() throws {
        let shipped = try String(contentsOf: CommandRunner.root.appendingPathComponent("Rules/schema/mailroute-rules.rng"), encoding: .utf8)
        let embedded = try String(contentsOf: CommandRunner.root.appendingPathComponent("Sources/mailroute/EmbeddedRuleSchema.swift"), encoding: .utf8)
        #expect(embedded.contains("#\"\"\"\n" + shipped + "\"\"\"#"), "run python3 Rules/schema/embed.py")
    }
}
