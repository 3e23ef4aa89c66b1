import Foundation
import Testing

/// `reprocess` and `report merge` as an operator runs them: the acme fixtures
/// through the current rules and the previous ones, against golden files.
@Suite struct ReprocessCommandTests {
    static let fixtures = ["Fixtures/mailboxes/support.mbox", "Fixtures/mailboxes/billing", "Fixtures/mailboxes/legal"]
    static let compare = ["--rules", "Rules/acme/rules.xml", "--compare", "Rules/acme/rules-previous.xml"]

    static func reprocess(_ extra: [String], environment: [String: String] = [:]) throws -> CommandRunner.Result {
        try CommandRunner.run(["reprocess"] + fixtures + compare + extra, environment: environment)
    }

    @Test func theImpactTableMatchesGoldenWhateverTheThreadCount() throws {
        let one = try Self.reprocess(["--jobs", "1", "--quiet"])
        let three = try Self.reprocess(["--jobs", "3", "--quiet"])
        #expect(one.status == 0)
        #expect(one.standardError.isEmpty)
        #expect(one.standardOutput == three.standardOutput)
        #expect(try CommandRunner.matchesGolden(one.standardOutput, "reprocess-acme-compare.txt"))
        // The two rule changes of rules-previous.xml, each with the rule that decided before and after.
        #expect(one.standardOutput.contains("impact: 2 of 9 messages changed, 2 changed queue"))
        #expect(one.standardOutput.contains("    old: support by route-support-topics\n    new: complaints [complaint] by route-complaints"))
        #expect(one.standardOutput.contains("    old: billing [vip,invoice,pdf] by route-billing-topics\n    new: vip [vip,invoice,pdf] by route-vip"))
    }

    @Test func theJSONReportMatchesGoldenAndEveryLineIsJSON() throws {
        let result = try Self.reprocess(["--format", "jsonl", "--quiet"])
        #expect(result.status == 0)
        #expect(try CommandRunner.matchesGolden(result.standardOutput, "reprocess-acme-compare.jsonl"))
        let lines = try result.standardOutput.split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        try #require(lines.count == 4)
        #expect(lines[0]["report"] as? String == "mailroute-reprocess")
        #expect(lines[1]["changed"] != nil && lines[2]["changed"] != nil)
        let summary = try #require(lines[3]["summary"] as? [String: Any])
        let impact = try #require(summary["impact"] as? [String: Any])
        #expect(impact["changed_messages"] as? Int == 2)
        let matrix = try #require(impact["matrix"] as? [[String: Any]])
        #expect(matrix.contains { $0["from"] as? String == "support" && $0["to"] as? String == "complaints" && $0["interactions"] as? Int == 1 })
    }

    /// Without --compare: queue counts, per-rule hits and dead rules of the one rule set.
    @Test func withoutCompareTheReportCountsQueuesRuleHitsAndDeadRules() throws {
        let result = try CommandRunner.run(["reprocess"] + Self.fixtures + ["--rules", "Rules/acme/rules.xml", "--quiet"])
        #expect(result.status == 0)
        #expect(try CommandRunner.matchesGolden(result.standardOutput, "reprocess-acme.txt"))
        #expect(!result.standardOutput.contains("impact:"))
        #expect(result.standardOutput.firstMatch(of: #/\n  routing route-billing-topics +3\n/#) != nil)
        #expect(result.standardOutput.firstMatch(of: #/\n  routing route-support-topics +0  dead\n/#) != nil)
        #expect(result.standardOutput.contains("dead rules (never matched): spam-flag, "))
    }

    @Test func theHTMLPageMatchesGoldenAndLoadsNothingFromTheNetwork() throws {
        let page = FileManager.default.temporaryDirectory.appendingPathComponent("mailroute-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: page) }
        let result = try Self.reprocess(["--html", page.path, "--quiet"])
        #expect(result.status == 0)
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(try CommandRunner.matchesGolden(html, "reprocess-acme-compare.html"))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("//cdn"))
        #expect(html.firstMatch(of: /(src|href)\s*=/) == nil, "the page refers to no other resource")
        #expect(html.contains("default-src 'none'"))
    }

    @Test func shardsMergeIntoTheReportOfOneUnshardedRunByteForByte() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mailroute-shards-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var reports: [String] = []
        for index in 1...3 {
            let path = folder.appendingPathComponent("shard-\(index).json").path
            let shard = try Self.reprocess(["--shard", "\(index)/3", "--json", path, "--quiet", "--jobs", "2"])
            #expect(shard.status == 0)
            reports.append(path)
        }
        let whole = try Self.reprocess(["--format", "jsonl", "--quiet"])
        let merged = try CommandRunner.run(["report", "merge"] + reports.reversed() + ["--format", "jsonl"])
        #expect(merged.status == 0)
        #expect(merged.standardOutput == whole.standardOutput)
        let mergedTable = try CommandRunner.run(["report", "merge"] + reports)
        #expect(mergedTable.standardOutput == (try Self.reprocess(["--quiet"])).standardOutput)
        // Each shard alone saw only its share of the nine messages.
        let counts = try reports.map { path in
            let last = try #require(try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").last)
            let summary = try #require(JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: [String: Any]])
            return summary["summary"]?["messages"] as? Int ?? -1
        }
        #expect(counts == [3, 3, 3])

        let missing = try CommandRunner.run(["report", "merge", reports[0], reports[2]])
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("shard 2/3 missing"))
        let twice = try CommandRunner.run(["report", "merge", reports[0], reports[1], reports[1], reports[2]])
        #expect(twice.standardError.contains("shard 2/3 is given twice"))
    }

    @Test func aShardThatIsNotIOfNIsRefused() throws {
        let result = try Self.reprocess(["--shard", "4/3"])
        #expect(result.status != 0)
        #expect(result.standardError.contains("--shard is \"4/3\""))
    }
}
