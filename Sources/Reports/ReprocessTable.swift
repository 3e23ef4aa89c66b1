/// The reprocessing report for people: the summary as aligned text, then
/// each changed message and each bad entry as it is read back, so a long
/// list never has to be held in memory.
public enum ReprocessTable {
    /// Everything but the lists: what was run, queue counts, the impact of the
    /// change (matrix, tags), per-rule hits and dead rules.
    public static func summaryText(header: ReportHeader, summary: ReprocessSummary) -> String {
        var out = "reprocess: \(plural(summary.messages, "message")) from \(plural(header.sources.count, "source"))"
        if let shard = header.shard { out += ", shard \(shard)" }
        out += "\n  rules:   \(header.rules.path)\n"
        if let compare = header.compare { out += "  compare: \(compare.path) (the old rules)\n" }
        if let mailbox = header.mailbox { out += "  mailbox: \(mailbox)\n" }
        out += "  unreadable entries: \(summary.unreadable); messages on which a rule failed: \(summary.ruleErrorMessages)\n"
        out += "\n" + queuesText(summary)
        if let store = summary.store { out += "\n" + storeText(store) }
        if let impact = summary.impact { out += "\n" + impactText(impact, messages: summary.messages) }
        out += "\n" + rulesText(summary.new, title: "rules of \(header.rules.path)")
        if let old = summary.old, let compare = header.compare {
            out += "\n" + rulesText(old, title: "rules of \(compare.path) (old)")
        }
        return out
    }

    /// The heading of the list of changed messages.
    public static func changedHeading(count: Int) -> String {
        "\nchanged messages (\(count)):\n"
    }

    /// One changed message: where, which, and both decisions.
    public static func changedText(_ message: ChangedMessage) -> String {
        let subject = message.subject.map { "\"\($0)\"" } ?? "(no subject)"
        return "  \(message.position) | \(message.messageID ?? "-") | \(subject)\n"
            + "    old: \(message.old.summaryText)\n"
            + "    new: \(message.new.summaryText)\n"
    }

    /// The heading of the list of bad entries.
    public static func badHeading(count: Int) -> String {
        "\nbad entries (\(count)):\n"
    }

    /// One bad entry: where and why.
    public static func badText(_ entry: BadEntry) -> String {
        "  \(entry.position): \(entry.kind.rawValue): \(entry.reason)\n"
    }

    private static func queuesText(_ summary: ReprocessSummary) -> String {
        var rows: [[String]] = []
        let queues = Set(summary.new.queues.keys).union(summary.old?.queues.keys ?? [:].keys).sorted()
        func row(_ name: String, _ old: Int?, _ new: Int) -> [String] {
            guard let old else { return [name, String(new)] }
            return [name, String(old), String(new), old == new ? "" : (new > old ? "+\(new - old)" : "\(new - old)")]
        }
        let old = summary.old
        rows.append(old == nil ? ["queues", "interactions"] : ["queues (interactions)", "old", "new", "change"])
        for queue in queues { rows.append(row(queue, old.map { $0.queues[queue] ?? 0 }, summary.new.queues[queue] ?? 0)) }
        rows.append(row("not processed: left", old?.left, summary.new.left))
        rows.append(row("not processed: deleted", old?.deleted, summary.new.deleted))
        return aligned(rows)
    }

    private static func storeText(_ store: StoreTally) -> String {
        aligned([
            ["queue store \(store.root) (ledger \(store.ledger)): messages", ""],
            ["stored", String(store.stored), "(\(plural(store.interactions, "interaction")))"],
            ["already stored (by an earlier run)", String(store.alreadyStored)],
            ["duplicates by Message-ID (not stored)", String(store.duplicateMessageIDs)],
            ["not processed (left or deleted)", String(store.notProcessed)],
        ])
    }

    private static func impactText(_ impact: ImpactTally, messages: Int) -> String {
        var out = "impact: \(impact.changedMessages) of \(plural(messages, "message")) changed, "
            + "\(impact.changedQueue) changed queue\n"
        let names = impact.destinations
        out += "from -> to (interactions; old rules down, new rules across):\n"
        var rows = [[""] + names]
        for from in names {
            rows.append([from] + names.map { to in impact.matrix[ImpactTally.Move(from: from, to: to)].map(String.init) ?? "." })
        }
        out += aligned(rows)
        out += "tags added:   \(countsText(impact.tagsAdded))\n"
        out += "tags removed: \(countsText(impact.tagsRemoved))\n"
        return out
    }

    private static func rulesText(_ tally: RuleSetTally, title: String) -> String {
        var rows = [["\(title): interactions matched", "", ""]]
        for (entry, hits) in zip(tally.rules, tally.hits) {
            rows.append(["\(entry.stage) \(entry.rule)", String(hits), hits == 0 ? "dead" : ""])
        }
        var out = aligned(rows)
        let dead = tally.deadRules.map(\.rule)
        out += "dead rules (never matched): \(dead.isEmpty ? "none" : dead.joined(separator: ", "))\n"
        return out
    }

    static func countsText(_ counts: [String: Int]) -> String {
        counts.isEmpty ? "none" : counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    }

    /// Rows as columns, the first left-aligned and indented, the others right-aligned;
    /// the first row is a heading, written from the margin.
    private static func aligned(_ rows: [[String]]) -> String {
        let indented = rows.enumerated().map { number, row in
            number == 0 || row.isEmpty ? row : ["  " + row[0]] + row.dropFirst()
        }
        var widths: [Int] = []
        for row in indented {
            for (index, cell) in row.enumerated() {
                if index == widths.count { widths.append(0) }
                // A heading alone on its line does not widen the columns below it.
                if !(row.count > 1 && row.dropFirst().allSatisfy(\.isEmpty)) || index > 0 {
                    widths[index] = max(widths[index], cell.count)
                }
            }
        }
        var out = ""
        for row in indented {
            if row.count > 1 && row.dropFirst().allSatisfy(\.isEmpty) {
                out += row[0] + "\n"
                continue
            }
            var line = ""
            for (index, cell) in row.enumerated() {
                let padding = String(repeating: " ", count: max(0, widths[index] - cell.count))
                line += index == 0 ? cell + padding : "  " + padding + cell
            }
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
        }
        return out
    }

    private static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
