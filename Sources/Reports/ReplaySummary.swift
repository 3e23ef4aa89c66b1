import Pipeline

/// Counts of a replay: interactions per queue, messages left or deleted, and failures.
public struct ReplaySummary: Sendable {
    public private(set) var messages = 0
    public private(set) var interactionsByQueue: [String: Int] = [:]
    public private(set) var left = 0
    public private(set) var deleted = 0
    public private(set) var unreadable = 0
    public private(set) var ruleErrors = 0

    public init() {}

    /// Counts one routed message.
    public mutating func add(_ routed: RoutedMessage) {
        messages += 1
        switch routed.decision.fetchAction {
        case .process:
            for interaction in routed.decision.interactions {
                interactionsByQueue[interaction.queue ?? "(none)", default: 0] += 1
                ruleErrors += interaction.defects.count
            }
        case .leave: left += 1
        case .delete: deleted += 1
        }
    }

    /// Counts an entry that could not be read as a message.
    public mutating func addUnreadable() {
        unreadable += 1
    }

    /// The summary as lines of text, queues sorted by name.
    public func tableText() -> String {
        var out = "summary: \(messages) message\(messages == 1 ? "" : "s")"
        let total = interactionsByQueue.values.reduce(0, +)
        out += ", \(total) interaction\(total == 1 ? "" : "s")\n"
        let width = max(5, interactionsByQueue.keys.map(\.count).max() ?? 0)
        for (queue, count) in interactionsByQueue.sorted(by: { $0.key < $1.key }) {
            out += "  " + queue + String(repeating: " ", count: width - queue.count) + "  \(count)\n"
        }
        out += "  not processed: \(left) left on the server, \(deleted) deleted\n"
        out += "  unreadable entries: \(unreadable); rules that failed on a message: \(ruleErrors)\n"
        return out
    }

    /// The summary as one JSON line: `{"summary": {...}}`.
    public func jsonLine() -> [UInt8] {
        var json = JSONText()
        json.raw("{\"summary\":{")
        json.key("messages", first: true)
        json.raw(String(messages))
        json.key("queues")
        json.raw("{")
        for (index, entry) in interactionsByQueue.sorted(by: { $0.key < $1.key }).enumerated() {
            json.key(entry.key, first: index == 0)
            json.raw(String(entry.value))
        }
        json.raw("}")
        json.key("left")
        json.raw(String(left))
        json.key("deleted")
        json.raw(String(deleted))
        json.key("unreadable")
        json.raw(String(unreadable))
        json.key("rule_errors")
        json.raw(String(ruleErrors))
        json.raw("}}\n")
        return json.bytes
    }
}
