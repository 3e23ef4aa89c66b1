import Rules
import XMLDocuments

/// `<tagging>`: every matching rule's actions apply, in order, until a `<stop/>`.
public struct TaggingStage: Stage {
    /// The element name.
    public static let elementName = "tagging"

    /// Where the element is written.
    public let location: SourceLocation
    /// The rules, `<use>` expanded, in order.
    public let rules: [Rule]

    /// Reads `<tagging>` with its rules.
    public static func read(from element: XMLElement, reader: inout StageReader) -> TaggingStage? {
        reader.log.rejectUnknownAttributes(of: element, known: [])
        return TaggingStage(location: element.location, rules: reader.rules(in: element))
    }

    /// Applies every matching rule to every interaction that has not been stopped.
    public func run(_ interactions: consuming [Interaction], context: StageContext) -> StageOutput {
        let application = RuleApplication(stage: Self.elementName, context: context)
        for index in interactions.indices {
            for rule in rules where !interactions[index].isStopped {
                if application.apply(rule, to: &interactions[index]).stop != nil { break }
            }
        }
        return StageOutput(interactions)
    }

    /// This stage with its own copies of its rules (see `Rules.Isolation`).
    public func isolatedCopy() -> TaggingStage {
        TaggingStage(location: Isolation.copy(location), rules: rules.map { $0.isolatedCopy() })
    }
}
