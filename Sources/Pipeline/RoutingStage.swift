import Rules
import XMLDocuments

/// `<routing>`: the first rule that matches and routes decides the queue;
/// when none does, the mailbox's default queue. Skipped for interactions
/// that are forced to the default queue or stopped.
public struct RoutingStage: Stage {
    /// The element name.
    public static let elementName = "routing"

    /// Where the element is written.
    public let location: SourceLocation
    /// The rules, `<use>` expanded, in order.
    public let rules: [Rule]

    /// Reads `<routing>` with its rules.
    public static func read(from element: XMLElement, reader: inout StageReader) -> RoutingStage? {
        reader.log.rejectUnknownAttributes(of: element, known: [])
        return RoutingStage(location: element.location, rules: reader.rules(in: element))
    }

    /// Decides each interaction's queue.
    public func run(_ interactions: consuming [Interaction], context: StageContext) -> StageOutput {
        for index in interactions.indices { route(&interactions[index], context: context) }
        return StageOutput(interactions)
    }

    private func route(_ interaction: inout Interaction, context: StageContext) {
        if interaction.isStopped { return }
        if interaction.isForced {
            let queue = interaction.queue
            interaction.note(
                "skipped: the interaction is forced to the default queue \(queue ?? "none")",
                stage: Self.elementName, at: location, context: context)
            return
        }
        let application = RuleApplication(stage: Self.elementName, context: context)
        for rule in rules {
            let effect = application.apply(rule, to: &interaction, routing: true)
            if effect.routed || interaction.isForced || effect.stop != nil { return }
        }
        if interaction.queue == nil {
            let queue = context.directory.defaultQueue(of: interaction.mailbox)
            interaction.queue = queue
            interaction.note(
                "no rule routed; the mailbox's default queue \(queue ?? "none")",
                stage: Self.elementName, at: location, context: context)
        }
    }

    /// This stage with its own copies of its rules (see `Rules.Isolation`).
    public func isolatedCopy() -> RoutingStage {
        RoutingStage(location: Isolation.copy(location), rules: rules.map { $0.isolatedCopy() })
    }
}
