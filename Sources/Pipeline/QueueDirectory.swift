import Rules

/// The queues and endpoints of a rule set, and the Genesys resolution of
/// endpoint names and mailbox default queues.
public struct QueueDirectory: Sendable {
    /// Defined queues by name.
    public var queues: [String: QueueDefinition] = [:]
    /// Defined endpoints by name.
    public var endpoints: [String: EndpointDefinition] = [:]
    /// `queues/@default-inbound`: the last resort of endpoint resolution.
    public var defaultInbound: String?

    /// An empty directory.
    public init() {}

    /// The queue of an endpoint name: the endpoint's queue if it is defined,
    /// else the `default` endpoint's, else the default inbound queue; nil when
    /// none exists (lint reports that as nowhere to route).
    public func queue(forEndpoint name: String) -> String? {
        endpoints[name]?.queue ?? endpoints["default"]?.queue ?? defaultInbound
    }

    /// A mailbox's default queue: its `default-queue`, else the queue of its endpoint.
    public func defaultQueue(of mailbox: MailboxProfile) -> String? {
        mailbox.defaultQueue ?? queue(forEndpoint: mailbox.endpoint)
    }

    /// This directory with its own copies of every name (see `Rules.Isolation`).
    public func isolatedCopy() -> QueueDirectory {
        var copy = QueueDirectory()
        for (name, queue) in queues { copy.queues[Isolation.copy(name)] = queue.isolatedCopy() }
        for (name, endpoint) in endpoints { copy.endpoints[Isolation.copy(name)] = endpoint.isolatedCopy() }
        copy.defaultInbound = Isolation.copy(defaultInbound)
        return copy
    }
}
