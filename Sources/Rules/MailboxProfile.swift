import MessageModel
import XMLDocuments

/// A mailbox mailroute reads, with the Genesys `pop-client` options that
/// govern its messages. Defaults are those of Genesys.
public struct MailboxProfile: Sendable {
    /// The profile's name, unique among mailboxes.
    public var name: String
    /// The mailbox's address as written (display name allowed).
    public var addressText: String
    /// The parsed address; its `normalized` form identifies the mailbox.
    public var address: Address
    /// The queue for messages no rule routes; nil means the endpoint's queue.
    public var defaultQueue: String?
    /// Messages larger than this many bytes are stripped or left on the server.
    public var maximumMessageSize: Int = 5 * 1024 * 1024
    /// Whether oversized messages are processed as header-only copies.
    public var enableBigMessageStripping = true
    /// Whether oversized, unstripped messages are deleted from the server rather than left.
    public var deleteBigMessage = false
    /// Whether messages whose size the server reports as unknown are processed.
    public var allowBadMessageSize = false
    /// Whether one interaction is made per recipient.
    public var copyMessageToRecipients = false
    /// The attribute naming each copy's recipient.
    public var copyMessageWithHeader = "X-Genesys-To"
    /// The most copies one message makes.
    public var inboundMessageCopyLimit = 10
    /// The endpoint whose queue is the fallback default queue.
    public var endpoint = "default"
    /// Whether every message goes to the default queue, routing skipped.
    public var forceDefaultQueue = false
    /// Where the `<mailbox>` element starts.
    public var location: SourceLocation

    /// A profile with the Genesys defaults.
    public init(name: String, addressText: String, address: Address, location: SourceLocation) {
        self.name = name
        self.addressText = addressText
        self.address = address
        self.location = location
    }
}
