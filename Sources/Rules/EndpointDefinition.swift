import XMLDocuments

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
