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

/// A Genesys endpoint: a name that stands for a queue.
public struct EndpointDefinition: Sendable, Hashable {
    /// The endpoint's name; `default` is the default endpoint.
    public let name: String
    /// The queue the endpoint leads to.
    public let queue: String
    /// Where the `<endpoint>` element starts.
    public let location: SourceLocation

    /// Creates an endpoint definition.
    public init(name: String, queue: String, location: SourceLocation) {
        self.name = name
        self.queue = queue
        self.location = location
    }

    /// Reads an `<endpoint name queue>` element.
    public static func read(from element: XMLElement, log: inout DiagnosticLog) -> EndpointDefinition? {
        log.rejectUnknownAttributes(of: element, known: ["name", "queue"])
        let name = log.required("name", of: element), queue = log.required("queue", of: element)
        guard let name, let queue else { return nil }
        return EndpointDefinition(name: name, queue: queue, location: element.location)
    }
}
