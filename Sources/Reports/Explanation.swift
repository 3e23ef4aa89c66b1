import MessageModel
import Pipeline

/// The full trace of one message, written for the routing designer who wants
/// to know exactly why it went where it went.
public enum Explanation {
    /// Every stage and rule the message met, matched or not, the condition
    /// that decided, the captured text and the actions, then the outcome of
    /// each interaction.
    public static func text(for routed: RoutedMessage) -> String {
        var out = "message: \(routed.position)\n"
        out += "  message-id: \(routed.messageID ?? "(none)")\n"
        out += "  subject: \(routed.subject.map { "\"\($0)\"" } ?? "(none)")\n"
        out += "  mailbox: \(routed.decision.mailbox)\n"
        for defect in routed.message.defects {
            out += "  defect: \(defect)\n"
        }
        guard routed.decision.fetchAction == .process else {
            out += "outcome: not processed; the message is \(routed.decision.fetchAction == .leave ? "left on the server" : "deleted from the server")\n"
            return out
        }
        let count = routed.decision.interactions.count
        for (index, interaction) in routed.decision.interactions.enumerated() {
            out += "interaction \(index + 1) of \(count)"
            if let recipient = interaction.copyRecipient { out += ", copy for \(recipient)" }
            out += ":\n"
            for entry in interaction.trace {
                out += "  \(entry)\n"
            }
            for error in interaction.defects {
                out += "  rule error: \(error)\n"
            }
            out += "  => queue \(interaction.queue ?? "(none)")"
            out += interaction.tags.names.isEmpty ? "; no tags" : "; tags: \(interaction.tags.names.joined(separator: ", "))"
            if !interaction.attributes.pairs.isEmpty {
                out += "; attributes: " + interaction.attributes.pairs.map { "\($0.name)=\($0.value)" }.joined(separator: ", ")
            }
            if interaction.isStripped { out += "; stripped" }
            out += "\n"
        }
        return out
    }
}
