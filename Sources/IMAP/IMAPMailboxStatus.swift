/// A selected folder as SELECT reported it, kept current by EXISTS and
/// EXPUNGE responses.
public struct IMAPMailboxStatus: Sendable, Hashable {
    /// The folder as configured.
    public var folder: IMAPFolderPath
    /// The name the server knows it by (hierarchy delimiter, modified UTF-7).
    public var serverName: String
    /// UIDVALIDITY: UIDs remembered under another value name other messages.
    public var uidValidity: UInt32
    /// How many messages the folder holds.
    public var exists: Int
    /// The UID the next message will get, if the server said (UIDNEXT).
    public var uidNext: UInt32?
    /// Whether the server opened the folder read-only (no flags, moves or expunges).
    public var isReadOnly: Bool
}
