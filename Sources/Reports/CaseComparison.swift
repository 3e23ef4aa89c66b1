import Pipeline

/// The differences between what a regression case expects and what the pipeline decided.
public enum CaseComparison {
    /// One line per difference, `expected ... / actual ...`; empty when the case passes.
    public static func differences(expected: ExpectedOutcome, actual: Decision) -> [String] {
        var lines: [String] = []
        if let action = expected.action {
            if actual.fetchAction.rawValue != action {
                lines.append("action: expected \(action), actual \(actual.fetchAction.rawValue)")
            }
            return lines
        }
        guard actual.fetchAction == .process else {
            return ["action: expected the message to be processed, actual \(actual.fetchAction.rawValue)"]
        }
        if let mailbox = expected.mailbox, mailbox != actual.mailbox {
            lines.append("mailbox: expected \(mailbox), actual \(actual.mailbox)")
        }
        if expected.interactions.count != actual.interactions.count {
            lines.append("interactions: expected \(expected.interactions.count), actual \(actual.interactions.count)")
        }
        for (index, pair) in zip(expected.interactions, actual.interactions).enumerated() {
            let (want, got) = pair
            let label = "interaction \(index + 1)"
            if want.queue != got.queue {
                lines.append("\(label) queue: expected \(want.queue ?? "-"), actual \(got.queue ?? "-")")
            }
            let gotTags = Set(got.tags.names)
            if want.tags != gotTags {
                lines.append("\(label) tags: expected \(want.tags.sorted().joined(separator: " ")), actual \(got.tags.names.sorted().joined(separator: " "))")
            }
            for (name, value) in want.attributes where got.attributes[name] != value {
                lines.append("\(label) attribute \(name): expected \"\(value)\", actual \(got.attributes[name].map { "\"\($0)\"" } ?? "(absent)")")
            }
            if want.stripped != got.isStripped {
                lines.append("\(label) stripped: expected \(want.stripped ? "yes" : "no"), actual \(got.isStripped ? "yes" : "no")")
            }
            if want.copyRecipient != got.copyRecipient {
                lines.append("\(label) copy-recipient: expected \(want.copyRecipient ?? "(not a copy)"), actual \(got.copyRecipient ?? "(not a copy)")")
            }
        }
        return lines
    }
}
