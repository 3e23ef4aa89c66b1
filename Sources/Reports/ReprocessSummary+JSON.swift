extension ReprocessSummary {
    /// The last line of a JSON report: `{"summary": {...}}`.
    public func jsonLine() -> [UInt8] {
        var json = JSONText()
        json.raw("{\"summary\":")
        write(into: &json)
        json.raw("}\n")
        return json.bytes
    }

    /// The summary object alone, for checkpoints.
    public func jsonObject() -> [UInt8] {
        var json = JSONText()
        write(into: &json)
        return json.bytes
    }

    private func write(into json: inout JSONText) {
        json.raw("{")
        json.key("messages", first: true)
        json.raw(String(messages))
        json.key("unreadable")
        json.raw(String(unreadable))
        json.key("rule_error_messages")
        json.raw(String(ruleErrorMessages))
        json.key("new")
        Self.write(new, into: &json)
        json.key("old")
        if let old { Self.write(old, into: &json) } else { json.raw("null") }
        json.key("impact")
        if let impact { Self.write(impact, into: &json) } else { json.raw("null") }
        // Only with --apply, so that the report of a dry run keeps its bytes.
        if let store {
            json.key("store")
            Self.write(store, into: &json)
        }
        json.raw("}")
    }

    private static func write(_ tally: RuleSetTally, into json: inout JSONText) {
        json.raw("{")
        json.key("queues", first: true)
        json.counts(tally.queues)
        json.key("left")
        json.raw(String(tally.left))
        json.key("deleted")
        json.raw(String(tally.deleted))
        json.key("rule_errors")
        json.raw(String(tally.ruleErrors))
        json.key("rules")
        json.array(zip(tally.rules, tally.hits)) { json, pair in
            json.raw("{")
            json.key("stage", first: true)
            json.string(pair.0.stage)
            json.key("rule")
            json.string(pair.0.rule)
            json.key("hits")
            json.raw(String(pair.1))
            json.raw("}")
        }
        json.key("dead_rules")
        json.array(tally.deadRules) { json, entry in
            json.raw("{")
            json.key("stage", first: true)
            json.string(entry.stage)
            json.key("rule")
            json.string(entry.rule)
            json.raw("}")
        }
        json.raw("}")
    }

    private static func write(_ impact: ImpactTally, into json: inout JSONText) {
        json.raw("{")
        json.key("changed_messages", first: true)
        json.raw(String(impact.changedMessages))
        json.key("changed_queue")
        json.raw(String(impact.changedQueue))
        json.key("matrix")
        json.array(impact.matrix.sorted { $0.key < $1.key }) { json, cell in
            json.raw("{")
            json.key("from", first: true)
            json.string(cell.key.from)
            json.key("to")
            json.string(cell.key.to)
            json.key("interactions")
            json.raw(String(cell.value))
            json.raw("}")
        }
        json.key("tags_added")
        json.counts(impact.tagsAdded)
        json.key("tags_removed")
        json.counts(impact.tagsRemoved)
        json.raw("}")
    }

    private static func write(_ store: StoreTally, into json: inout JSONText) {
        json.raw("{")
        json.key("root", first: true)
        json.string(store.root)
        json.key("ledger")
        json.string(store.ledger)
        for (key, count) in [
            ("stored", store.stored), ("interactions", store.interactions), ("already_stored", store.alreadyStored),
            ("duplicate_message_ids", store.duplicateMessageIDs), ("not_processed", store.notProcessed),
        ] {
            json.key(key)
            json.raw(String(count))
        }
        json.raw("}")
    }

    /// Reads the summary line of a JSON report (or the summary object of a checkpoint).
    /// - Throws: ``ReportDecodingError`` naming the key that is missing or wrong.
    public init(json: JSONValue) throws(ReportDecodingError) {
        let body = json["summary"] ?? json
        let old = try body.field("old")
        let impact = try body.field("impact")
        self.init(
            messages: try body.integer("messages"), unreadable: try body.integer("unreadable"),
            ruleErrorMessages: try body.integer("rule_error_messages"),
            new: try Self.tally(try body.field("new")),
            old: old.isNull ? nil : try Self.tally(old),
            impact: impact.isNull ? nil : try Self.impact(impact),
            store: try body["store"].map { json throws(ReportDecodingError) in try Self.store(json) })
    }

    private static func store(_ json: JSONValue) throws(ReportDecodingError) -> StoreTally {
        var tally = StoreTally(root: try json.string("root"), ledger: try json.string("ledger"))
        tally.stored = try json.integer("stored")
        tally.interactions = try json.integer("interactions")
        tally.alreadyStored = try json.integer("already_stored")
        tally.duplicateMessageIDs = try json.integer("duplicate_message_ids")
        tally.notProcessed = try json.integer("not_processed")
        return tally
    }

    private static func tally(_ json: JSONValue) throws(ReportDecodingError) -> RuleSetTally {
        var rules: [RuleCatalog.Entry] = []
        var hits: [Int] = []
        for rule in try json.array("rules") {
            rules.append(RuleCatalog.Entry(stage: try rule.string("stage"), rule: try rule.string("rule")))
            hits.append(try rule.integer("hits"))
        }
        return RuleSetTally(
            queues: try json.counts("queues"), left: try json.integer("left"), deleted: try json.integer("deleted"),
            ruleErrors: try json.integer("rule_errors"), rules: rules, hits: hits)
    }

    private static func impact(_ json: JSONValue) throws(ReportDecodingError) -> ImpactTally {
        var matrix: [ImpactTally.Move: Int] = [:]
        for cell in try json.array("matrix") {
            matrix[ImpactTally.Move(from: try cell.string("from"), to: try cell.string("to")), default: 0] += try cell.integer("interactions")
        }
        return ImpactTally(
            changedMessages: try json.integer("changed_messages"), changedQueue: try json.integer("changed_queue"),
            matrix: matrix, tagsAdded: try json.counts("tags_added"), tagsRemoved: try json.counts("tags_removed"))
    }
}
