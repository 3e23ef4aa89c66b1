import XMLDocuments

/// One thing a rule does when it matches, with where it is written.
public struct Action: Sendable {
    /// What is done.
    public enum Kind: Sendable {
        /// Adds a header field on delivery.
        case addHeader(name: String, value: ValueTemplate)
        /// Replaces every occurrence of a header field on delivery.
        case setHeader(name: String, value: ValueTemplate)
        /// Removes every occurrence of a header field on delivery.
        case removeHeader(name: String)
        /// Adds a tag to the interaction.
        case tag(ValueTemplate)
        /// Sets an interaction attribute; the last write wins.
        case attribute(name: String, value: ValueTemplate)
        /// Routes to a queue (only in `<routing>`).
        case routeToQueue(String)
        /// Routes to the queue of an endpoint (only in `<routing>`).
        case routeToEndpoint(String)
        /// Sends the interaction to its mailbox's default queue, skipping later routing.
        case forceDefaultQueue
        /// Stops the current stage, or the whole pipeline, for this interaction.
        case stop(StopScope)
    }

    /// What is done.
    public let kind: Kind
    /// The element it was written as.
    public let elementName: String
    /// Where the element starts.
    public let location: SourceLocation

    /// Creates an action.
    public init(_ kind: Kind, elementName: String, location: SourceLocation) {
        self.kind = kind
        self.elementName = elementName
        self.location = location
    }

    /// Whether this is a `<route>`.
    public var routes: Bool {
        switch kind {
        case .routeToQueue, .routeToEndpoint: true
        default: false
        }
    }

    /// The templates this action renders, for checking their references.
    public var templates: [ValueTemplate] {
        switch kind {
        case .addHeader(_, let value), .setHeader(_, let value), .attribute(_, let value), .tag(let value): [value]
        default: []
        }
    }
}

/// How far a `<stop/>` reaches.
public enum StopScope: String, Sendable {
    /// The rest of the current stage.
    case stage
    /// The current stage and every later one.
    case pipeline
}
