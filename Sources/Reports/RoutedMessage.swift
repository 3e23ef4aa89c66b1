import MessageModel
import Pipeline

/// One message after the pipeline: where it came from and what was decided,
/// in the form the replay report prints.
public struct RoutedMessage: Sendable {
    /// Where the message came from, as the mailbox reader describes it.
    public var position: String
    public var message: Message
    public var messageID: String?
    public var decision: Decision

    public init(position: String, message: Message, decision: Decision) {
        self.position = position
        self.message = message
        self.messageID = message.header.first(named: "Message-ID")?.unfoldedValue
        self.decision = decision
    }

    /// The decoded Subject; decoded when asked, since only explanations show it.
    public var subject: String? {
        message.header.first(named: "Subject")?.decodedValue
    }

    /// One line per interaction (or one line for a message left or deleted), for people:
    /// `position | message-id | mailbox | queue | tags | attributes | flags`.
    public func tableLines() -> [String] {
        let id = messageID ?? "-"
        guard decision.fetchAction == .process else {
            return ["\(position) | \(id) | \(decision.mailbox) | (not processed: \(decision.fetchAction.rawValue))"]
        }
        return decision.interactions.map { interaction in
            var flags: [String] = []
            if interaction.isStripped { flags.append("stripped") }
            if let recipient = interaction.copyRecipient { flags.append("copy-to=\(recipient)") }
            if !interaction.defects.isEmpty { flags.append("rule-errors=\(interaction.defects.count)") }
            let tags = interaction.tags.names.isEmpty ? "-" : interaction.tags.names.joined(separator: ",")
            let attributes = interaction.attributes.pairs.isEmpty
                ? "-" : interaction.attributes.pairs.map { "\($0.name)=\($0.value)" }.joined(separator: ",")
            return "\(position) | \(id) | \(decision.mailbox) | \(interaction.queue ?? "-") | \(tags) | \(attributes)"
                + (flags.isEmpty ? "" : " | " + flags.joined(separator: " "))
        }
    }

    /// One JSON object per interaction (or one for a message left or deleted), each on its own line,
    /// in the format documented in README.md.
    public func jsonLines() -> [UInt8] {
        var out: [UInt8] = []
        func line(_ interaction: Interaction?, index: Int) {
            var json = JSONText()
            json.raw("{")
            json.key("position", first: true)
            json.string(position)
            json.key("message_id")
            json.optionalString(messageID)
            json.key("mailbox")
            json.string(decision.mailbox)
            json.key("action")
            json.string(decision.fetchAction.rawValue)
            json.key("interaction")
            json.raw(interaction == nil ? "null" : String(index + 1))
            json.key("queue")
            json.optionalString(interaction?.queue)
            json.key("tags")
            json.array(interaction?.tags.names ?? []) { $0.string($1) }
            json.key("attributes")
            json.array(interaction?.attributes.pairs ?? []) { json, pair in
                json.raw("{")
                json.key("name", first: true)
                json.string(pair.name)
                json.key("value")
                json.string(pair.value)
                json.raw("}")
            }
            json.key("stripped")
            json.raw(interaction?.isStripped == true ? "true" : "false")
            json.key("copy_recipient")
            json.optionalString(interaction?.copyRecipient)
            json.key("rule_errors")
            json.array(interaction?.defects ?? []) { $0.string($1.description) }
            json.raw("}\n")
            out += json.bytes
        }
        if decision.fetchAction == .process {
            for (index, interaction) in decision.interactions.enumerated() { line(interaction, index: index) }
        } else {
            line(nil, index: 0)
        }
        return out
    }
}
