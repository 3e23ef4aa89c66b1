/// Hooks into the fetch cycles: for tests that provoke faults at exact
/// points, and for embedding the service.
public struct FetchObserver: Sendable {
    /// On the mailbox's thread, after each message is retrieved and handed
    /// to the storing thread, before its group is committed; with the mailbox name.
    public var messageRetrieved: (@Sendable (String) -> Void)?
    /// On the mailbox's storing thread, after each group commit, before
    /// anything of the group is removed from the server; with the mailbox
    /// name and the number of messages in the group.
    public var groupCommitted: (@Sendable (String, Int) -> Void)?

    /// An observer with the hooks given.
    public init(
        messageRetrieved: (@Sendable (String) -> Void)? = nil, groupCommitted: (@Sendable (String, Int) -> Void)? = nil
    ) {
        self.messageRetrieved = messageRetrieved
        self.groupCommitted = groupCommitted
    }
}
