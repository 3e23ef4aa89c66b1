import Rules
import XMLDocuments

/// `<force-default-queue>`: sends the interaction to its mailbox's default
/// queue, skipping later routing, when the mailbox's `force-default-queue`
/// flag is set, an earlier action forced it, or a matching rule here does.
/// Its rules apply like tagging rules; they are not evaluated once the
/// interaction is already forced, since nothing they could decide remains.
public struct ForceDefaultQueueStage: Stage {
    /// The element name.
    public static let elementName = "force-default-queue"

    /// Where the element is written.
    public let location: SourceLocation
    /// The rules, `<use>` expanded, in order.
    public let rules: [Rule]

    /// Reads `<force-default-queue>` with its rules.
    public static func read(from element: XMLElement, reader: inout StageReader) -> ForceDefaultQueueStage? {
        reader.log.rejectUnknownAttributes(of: element, known: [])
        return ForceDefaultQueueStage(location: element.location, rules: reader.rules(in: element))
    }

    /// Forces interactions by flag, earlier action or rule.
    public func run(_ interactions: consuming [Interaction], context: StageContext) -> StageOutput {
        let application = RuleApplication(stage: Self.elementName, context: context)
        for index in interactions.indices { force(&interactions[index], application: application, context: context) }
        return StageOutput(interactions)
    }

    private func force(_ interaction: inout Interaction, application: RuleApplication, context: StageContext) {
        guard !interaction.isStopped else { return }
        if interaction.mailbox.forceDefaultQueue || interaction.isForced {
            let reason = interaction.isForced ? "an earlier action forced it" : "the mailbox's force-default-queue is true"
            let queue = context.directory.defaultQueue(of: interaction.mailbox)
            interaction.isForced = true
            interaction.queue = queue
            interaction.note(
                "default queue \(queue ?? "none") because \(reason)",
                stage: Self.elementName, at: location, context: context)
            return
        }
        for rule in rules where !interaction.isStopped {
            if application.apply(rule, to: &interaction).stop != nil { break }
        }
    }

    /// This stage with its own copies of its rules (see `Rules.Isolation`).
    public func isolatedCopy() -> ForceDefaultQueueStage {
        ForceDefaultQueueStage(location: Isolation.copy(location), rules: rules.map { $0.isolatedCopy() })
    }
}
