/// Hooks into the fetch cycles, called on the mailbox's thread: for tests
/// that provoke faults at exact points, and for embedding the service.
public struct FetchObserver: Sendable {
    /// After each message is retrieved and routed, before its group is
    /// committed; with the mailbox name.
    public var messageRetrieved: (@Sendable (String) -> Void)?
    /// After each group commit, before anything is removed from the server;
    /// with the mailbox name and the number of messages in the group.
    public var groupCommitted: (@Sendable (String, Int) -> Void)?

    /// An observer with the hooks given.
    public init(
        messageRetrieved: (@Sendable (String) -> Void)? = nil, groupCommitted: (@Sendable (String, Int) -> Void)? = nil
    ) {
        self.messageRetrieved = messageRetrieved
        self.groupCommitted = groupCommitted
    }
}
