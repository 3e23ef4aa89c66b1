import QueueStore

/// What a fetch cycle needs of one logged-in session with a remote mailbox,
/// whatever its protocol. One thread uses a session, for one cycle.
///
/// Removal is two-phase where the protocol is: POP3 deletions take effect
/// at ``finish()`` (QUIT), IMAP expunges there, so a session dropped before
/// it deletes nothing.
protocol RemoteMailboxSession: AnyObject {
    /// Every message in the mailbox (IMAP: the selected folder), in the server's order.
    func list() throws(FetchError) -> [RemoteMessage]

    /// ``list()``, with sizes only where `needsSize` says (a message already
    /// stored needs none; its size may then be nil). IMAP asks the server
    /// for those sizes alone; POP3 has them all from one LIST anyway.
    ///
    /// `breaks` says how often the server broke the connection on a message:
    /// IMAP asks for the sizes of those it broke on once one by one, after
    /// the others, and not at all after two breaks (the size is nil then).
    /// When the connection breaks while sizes are listed, ``messageInFlight``
    /// is the message whose size the server was reading.
    func list(sizesFor needsSize: (SourceIdentity) -> Bool, breaks: (SourceIdentity) -> Int) throws(FetchError) -> [RemoteMessage]

    /// The ledger identity of a listed message: UIDL, or UIDVALIDITY and UID.
    func identity(of message: RemoteMessage) -> SourceIdentity

    /// Retrieves `messages` in order, pipelined, and hands each to `each` as
    /// it arrives; a message larger than `maximumSize` comes as `tooLarge`.
    func retrieve(
        _ messages: [RemoteMessage], part: (RemoteMessage) -> RemotePart, maximumSize: Int,
        each: (RemoteMessage, RetrievalResult) -> Void
    ) throws(FetchError)

    /// After ``retrieve(_:part:maximumSize:each:)`` or
    /// ``list(sizesFor:breaks:)`` failed: the message the session was
    /// waiting for when the connection broke, if any.
    var messageInFlight: RemoteMessage? { get }

    /// Takes processed messages off the server: deleted, or on IMAP moved
    /// to the processed-items folder when one is configured.
    func removeProcessed(_ messages: [RemoteMessage]) throws(FetchError)

    /// Marks processed messages that stay on the server (`leave-msg-on-server`)
    /// as read, IMAP \Seen, so that people looking at the mailbox see they
    /// were taken; POP3 has no flags.
    func markKept(_ messages: [RemoteMessage]) throws(FetchError)

    /// Deletes messages that were not processed (`delete-big-msg`, `delete-bad-formatted-msg`).
    func delete(_ messages: [RemoteMessage]) throws(FetchError)

    /// Whether ``moveToFailed(_:)`` can do anything: IMAP with a failed-items folder.
    var movesFailedMessages: Bool { get }

    /// Moves messages that could not be processed to the failed-items folder.
    func moveToFailed(_ messages: [RemoteMessage]) throws(FetchError)

    /// Ends the session so that removals take effect (POP3 QUIT; IMAP STORE \Deleted and EXPUNGE of the deletions not yet made, then LOGOUT).
    func finish() throws(FetchError)

    /// Drops the connection; removals not yet made effective are not made.
    func close()
}

extension RemoteMailboxSession {
    /// Every message with its size: what protocols that list sizes in one go do.
    func list(sizesFor needsSize: (SourceIdentity) -> Bool, breaks: (SourceIdentity) -> Int) throws(FetchError) -> [RemoteMessage] {
        try list()
    }

    /// Nothing to mark: what protocols without flags do.
    func markKept(_ messages: [RemoteMessage]) throws(FetchError) {}
}
