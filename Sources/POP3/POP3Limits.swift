/// Bounds on what a server can make the client hold or do, so that a broken
/// or hostile server costs a typed error, never unbounded memory or time.
public struct POP3Limits: Sendable, Hashable {
    /// The longest status or listing line accepted, line end included. RFC 1939
    /// allows 512 octets; servers exceed that with long texts, so the default is generous.
    public var replyLineLength: Int
    /// The most lines accepted in a CAPA, LIST or UIDL reply.
    public var listingEntries: Int
    /// How many RETR, TOP or DELE commands may be in flight at once when the
    /// server offers PIPELINING (1 otherwise). At least 1. A batch sends more
    /// whenever half of them have been answered.
    public var pipelineDepth: Int
    /// How many octets of an oversized message the client reads and throws
    /// away to keep the connection usable; past this it drops the connection.
    public var discardLimit: Int

    /// The defaults: 64 KiB reply lines, 10 million listing lines, 256 commands
    /// in flight (enough to keep a server busy across a few milliseconds of
    /// round trip; the commands are 3 KiB, far below any socket buffer, so the
    /// client cannot block writing while the server blocks writing), 256 MiB of
    /// discarded message.
    public init(
        replyLineLength: Int = 65_536, listingEntries: Int = 10_000_000, pipelineDepth: Int = 256,
        discardLimit: Int = 256 << 20
    ) {
        self.replyLineLength = replyLineLength
        self.listingEntries = listingEntries
        self.pipelineDepth = max(1, pipelineDepth)
        self.discardLimit = discardLimit
    }
}
