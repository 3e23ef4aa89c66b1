import Rules
import XMLDocuments

/// `<recipient-copies/>`: with `copy-message-to-recipients`, one interaction
/// per unique recipient in To then Cc (unique by normalised address, header
/// order), at most `inbound-msg-copy-limit`, each carrying the recipient in
/// the `copy-message-with-header` attribute; a message with no address in To
/// or Cc gets one interaction with the mailbox's own address there.
/// Otherwise interactions pass through.
public struct RecipientCopiesStage: Stage {
    /// The element name.
    public static let elementName = "recipient-copies"

    /// Where the element is written.
    public let location: SourceLocation
    /// The stage holds no rules.
    public var rules: [Rule] { [] }

    /// Reads `<recipient-copies/>`, which takes no content.
    public static func read(from element: XMLElement, reader: inout StageReader) -> RecipientCopiesStage? {
        reader.expectEmpty(element)
        return RecipientCopiesStage(location: element.location)
    }

    /// Fans each interaction out to its recipients when its mailbox asks for copies.
    public func run(_ interactions: consuming [Interaction], context: StageContext) -> StageOutput {
        var output: [Interaction] = []
        for interaction in interactions {
            let profile = interaction.mailbox
            guard profile.copyMessageToRecipients, interaction.copyRecipient == nil else {
                output.append(interaction)
                continue
            }
            let facts = context.facts(for: interaction)
            var seen: Set<String> = []
            var recipients: [String] = []
            var dropped = 0
            for address in facts.addresses(in: "To") + facts.addresses(in: "Cc") where address.domain != nil {
                guard seen.insert(address.normalized).inserted else { continue }
                if recipients.count < profile.inboundMessageCopyLimit {
                    recipients.append(address.addrSpec)
                } else {
                    dropped += 1
                }
            }
            guard !recipients.isEmpty else {
                // The message reached the mailbox all the same (Bcc, a list): it was addressed to the mailbox.
                var single = interaction
                let own = profile.address.addrSpec
                single.attributes[profile.copyMessageWithHeader] = own
                single.note(
                    "no recipient in To or Cc; one interaction, for the mailbox's own address \(own)",
                    stage: Self.elementName, at: location, context: context)
                output.append(single)
                continue
            }
            let limitNote = dropped > 0 ? "; \(dropped) more over the limit of \(profile.inboundMessageCopyLimit)" : ""
            for (index, recipient) in recipients.enumerated() {
                var copy = interaction
                copy.copyRecipient = recipient
                copy.attributes[profile.copyMessageWithHeader] = recipient
                copy.note(
                    "copy \(index + 1) of \(recipients.count) for \(recipient)\(limitNote)",
                    stage: Self.elementName, at: location, context: context)
                output.append(copy)
            }
        }
        return StageOutput(output)
    }
}
