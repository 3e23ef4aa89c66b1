import XMLDocuments

/// A work queue interactions can be routed to.
public struct QueueDefinition: Sendable, Hashable {
    /// The queue's name, as routes refer to it.
    public let name: String
    /// What the queue is for.
    public let description: String?
    /// Where the `<queue>` element starts.
    public let location: SourceLocation

    /// Creates a queue definition.
    public init(name: String, description: String? = nil, location: SourceLocation) {
        self.name = name
        self.description = description
        self.location = location
    }

    /// Reads a `<queue name description>` element.
    public static func read(from element: XMLElement, log: inout DiagnosticLog) -> QueueDefinition? {
        log.rejectUnknownAttributes(of: element, known: ["name", "description"])
        return log.required("name", of: element).map {
            QueueDefinition(name: $0, description: element[attribute: "description"], location: element.location)
        }
    }
}
