/// A message as a remote mailbox lists it at the start of a cycle.
public struct RemoteMessage: Sendable, Hashable {
    /// What the session's commands address it by: the POP3 message number
    /// (valid for one session), or the IMAP UID.
    public var handle: Int
    /// The server's stable name for it: the POP3 UIDL, or the IMAP UID as text.
    public var uniqueID: String
    /// The size the server reported; nil when it reported none, a negative
    /// number, or something that is not a number.
    public var size: Int?

    /// A listed message.
    public init(handle: Int, uniqueID: String, size: Int?) {
        self.handle = handle
        self.uniqueID = uniqueID
        self.size = size
    }
}

/// What a session retrieves of a message.
public enum RemotePart: Sendable, Hashable {
    /// The whole message (RETR, BODY.PEEK[]).
    case message
    /// Only the header section (TOP n 0, BODY.PEEK[HEADER]), for messages
    /// too large to fetch whole.
    case header
}

/// How the retrieval of one message ended.
public enum RetrievalResult: Sendable {
    /// The bytes as the server sent them (CRLF line ends, unstuffed).
    case retrieved([UInt8])
    /// The server would not give it; the reply says why.
    case refused(reason: String)
    /// It was larger than the limit; nothing of it was kept.
    case tooLarge(limit: Int)
}
