import Reports
import Testing

/// The impact report's model: counting, merging, and the JSON lines it is written as and read back from.
@Suite struct ImpactReportTests {
    static func outcome(_ queue: String, tags: [String] = [], by rule: String = "(default queue)") -> RoutingOutcome {
        RoutingOutcome(action: .process, interactions: [.init(queue: queue, tags: tags, attributes: [], decidedBy: rule)])
    }

    static let rules = [RuleCatalog.Entry(stage: "tagging", rule: "vip"), RuleCatalog.Entry(stage: "routing", rule: "route-vip")]

    @Test func theMatrixCountsEveryInteractionAndTagsAreCountedPerTag() {
        var impact = ImpactTally()
        let changed1 = impact.add(old: Self.outcome("billing"), new: Self.outcome("billing"))
        #expect(!changed1)
        let changed2 = impact.add(old: Self.outcome("billing", tags: ["invoice"]), new: Self.outcome("vip", tags: ["vip", "invoice"]))
        #expect(changed2)
        let changed3 = impact.add(old: Self.outcome("general", tags: ["urgent"]), new: Self.outcome("general"))
        #expect(changed3)
        // Two recipient copies before, one interaction left after.
        let copies = RoutingOutcome(action: .process, interactions: [
            .init(queue: "legal", tags: [], attributes: [], decidedBy: "(forced by the mailbox)"),
            .init(queue: "legal", tags: [], attributes: [], decidedBy: "(forced by the mailbox)"),
        ])
        let changed4 = impact.add(old: copies, new: Self.outcome("legal", by: "(forced by the mailbox)"))
        #expect(changed4)
        let changed5 = impact.add(old: Self.outcome("support"), new: RoutingOutcome(action: .leave, interactions: []))
        #expect(changed5)

        #expect(impact.changedMessages == 4)
        #expect(impact.changedQueue == 3)
        #expect(impact.matrix == [
            .init(from: "billing", to: "billing"): 1, .init(from: "billing", to: "vip"): 1,
            .init(from: "general", to: "general"): 1, .init(from: "legal", to: "legal"): 1,
            .init(from: "legal", to: RoutingOutcome.noQueue): 1, .init(from: "support", to: "(left)"): 1,
        ])
        #expect(impact.tagsAdded == ["vip": 1])
        #expect(impact.tagsRemoved == ["urgent": 1])
        #expect(impact.destinations == ["(left)", "(none)", "billing", "general", "legal", "support", "vip"])
    }

    @Test func ruleHitsAddUpAndRulesThatNeverMatchedAreDead() {
        var first = RuleSetTally(catalog: RuleCatalog(entries: Self.rules))
        first.add(Self.outcome("vip"), matches: [0, 1], ruleErrors: 0)
        first.add(RoutingOutcome(action: .delete, interactions: []), matches: [], ruleErrors: 1)
        var second = RuleSetTally(catalog: RuleCatalog(entries: Self.rules))
        second.add(Self.outcome("general"), matches: [0], ruleErrors: 0)
        #expect(second.deadRules == [Self.rules[1]])
        first.merge(second)
        #expect(first.hits == [2, 1])
        #expect(first.queues == ["vip": 1, "general": 1])
        #expect(first.deleted == 1 && first.ruleErrors == 1)
        #expect(first.deadRules.isEmpty)
    }

    @Test func aSummaryAndItsRecordsReadBackAsTheyWereWritten() throws {
        var summary = ReprocessSummary(new: RuleCatalog(entries: Self.rules), old: RuleCatalog(entries: Self.rules))
        summary.messages = 2
        summary.unreadable = 1
        summary.new.add(Self.outcome("vip"), matches: [0, 1], ruleErrors: 0)
        summary.old?.add(Self.outcome("billing"), matches: [0], ruleErrors: 0)
        summary.impact?.add(old: Self.outcome("billing"), new: Self.outcome("vip"))
        let line = summary.jsonLine()
        let read = try ReprocessSummary(json: try JSONParser.parse(Array(line.dropLast())))
        #expect(read == summary)
        #expect(read.jsonLine() == line)

        let records: [ReportRecord] = [
            .changed(ChangedMessage(
                ordinal: EntryOrdinal(source: 0, item: 3), position: "in.mbox:9 (message 3)", messageID: "<a@b>",
                subject: "Caf\u{E9} \"quoted\" \\ </script>\n", old: Self.outcome("billing"),
                new: Self.outcome("vip", tags: ["vip"], by: "route-vip"))),
            .bad(BadEntry(ordinal: EntryOrdinal(source: 1, item: 0), position: "missing", kind: .unreadable, reason: "not found")),
        ]
        for record in records {
            let bytes = record.jsonLine()
            #expect(bytes.last == 0x0A && !bytes.dropLast().contains(0x0A), "one line")
            #expect(try ReportRecord(json: try JSONParser.parse(bytes)) == record)
        }
        let header = ReportHeader(
            rules: .init(path: "new.xml", identity: "fnv1a64:1"), compare: nil, mailbox: "support", sources: ["a", "b"],
            shard: try ShardSpec("2/3"))
        #expect(try ReportHeader(json: try JSONParser.parse(header.jsonLine())) == header)
    }

    @Test func reportLinesThatAreNotJSONOrNotAReportSayWhere() throws {
        #expect(throws: JSONSyntaxError(offset: 11, expected: "a value")) { try JSONParser.parse(Array("{\"summary\":}".utf8)) }
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(Array(String(repeating: "[", count: 100).utf8)) }
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(Array("\"unterminated".utf8)) }
        #expect(try JSONParser.parse(Array("\"\\ud83d\\ude00 \\u00e9\"".utf8)) == .string("\u{1F600} \u{E9}"))
        #expect(throws: ReportDecodingError(expected: "a first line with \"report\":\"mailroute-reprocess\"")) {
            try ReportHeader(json: try JSONParser.parse(Array("{\"report\":\"other\"}".utf8)))
        }
        #expect(throws: ReportDecodingError(expected: "\"messages\" to be a whole number, 0 or more")) {
            try ReprocessSummary(json: try JSONParser.parse(Array("{\"summary\":{\"messages\":-1,\"old\":null,\"impact\":null}}".utf8)))
        }
    }

    @Test func everyEntryIsInExactlyOneShard() throws {
        let shards = try (1...3).map { try ShardSpec(index: $0, count: 3) }
        for global in 0..<30 {
            #expect(shards.filter { $0.contains(global: global) }.count == 1)
        }
        #expect(throws: ShardSpecError.self) { try ShardSpec("0/3") }
        #expect(throws: ShardSpecError.self) { try ShardSpec("4/3") }
        #expect(throws: ShardSpecError.self) { try ShardSpec("1-3") }
        #expect(try ShardSpec("3/3").description == "3/3")
    }

    @Test func mergingNeedsEveryShardOfOneJobOnce() throws {
        func header(_ shard: String?, rules: String = "fnv1a64:1") throws -> ReportHeader {
            ReportHeader(rules: .init(path: "r.xml", identity: rules), compare: nil, mailbox: nil, sources: ["m"], shard: try shard.map { try ShardSpec($0) })
        }
        let merged = try ReportMerge.header(of: [try header("2/2"), try header("1/2")], names: ["b", "a"])
        #expect(merged == (try header(nil)))
        #expect(throws: ReportMergeError.missingShards(["2/3"])) {
            try ReportMerge.header(of: [try header("1/3"), try header("3/3")], names: ["a", "c"])
        }
        #expect(throws: ReportMergeError.duplicateShard("1/2", "a", "b")) {
            try ReportMerge.header(of: [try header("1/2"), try header("1/2")], names: ["a", "b"])
        }
        #expect(throws: ReportMergeError.differentJobs("a", "b")) {
            try ReportMerge.header(of: [try header("1/2"), try header("2/2", rules: "fnv1a64:2")], names: ["a", "b"])
        }
        #expect(throws: ReportMergeError.notAShard("a")) { try ReportMerge.header(of: [try header(nil)], names: ["a"]) }
    }

    @Test func mergedRecordsComeInEntryOrder() {
        func bad(_ source: Int, _ item: Int) -> ReportRecord {
            .bad(BadEntry(ordinal: EntryOrdinal(source: source, item: item), position: "\(source):\(item)", kind: .unreadable, reason: "x"))
        }
        let merged = Array(MergedRecords([
            [bad(0, 1), bad(0, 4), bad(1, 2)].makeIterator(),
            [bad(0, 2), bad(1, 1)].makeIterator(),
            [ReportRecord]().makeIterator(),
            [bad(0, 3), bad(2, 0)].makeIterator(),
        ]))
        #expect(merged.map(\.ordinal) == [(0, 1), (0, 2), (0, 3), (0, 4), (1, 1), (1, 2), (2, 0)].map { EntryOrdinal(source: $0.0, item: $0.1) })
    }
}
