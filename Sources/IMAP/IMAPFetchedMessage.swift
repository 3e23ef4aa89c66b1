/// One message as UID FETCH returned it. `header` and `body` are slices of
/// the buffer the caller passed to ``IMAPClient/fetch(_:items:into:each:)``:
/// they share its storage (no copy) and stay valid if kept, since the
/// buffer is copied on write then.
public struct IMAPFetchedMessage: Sendable {
    /// The message's UID.
    public var uid: UInt32
    /// The message's sequence number in the selected folder.
    public var sequenceNumber: UInt32
    /// RFC822.SIZE as the server announced it, if asked for.
    public var size: Int?
    /// The flags, if asked for.
    public var flags: [String]?
    /// The header section (BODY[HEADER]), if asked for.
    public var header: ArraySlice<UInt8>?
    /// The whole message (BODY[]), if asked for.
    public var body: ArraySlice<UInt8>?

    /// Whether the body's length differs from the announced size: the
    /// server misreports sizes (Genesys `allow-bad-msg-size` decides).
    public var sizeDisagrees: Bool {
        guard let size, let body else { return false }
        return size != body.count
    }
}
