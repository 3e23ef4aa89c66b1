import MessageModel
import XMLDocuments
import Network

/// One mailbox on a mail server that `mailroute run` polls, with the Genesys
/// `pop-client` options that say how. Each property names its option; the
/// defaults are those of Genesys (``init(name:type:server:login:password:addressText:address:location:)``
/// sets them), and ``MailboxAccount/read(from:baseDirectory:log:)`` checks every value's range.
public struct MailboxAccount: Sendable, Hashable {
    /// `name`: unique among mailboxes, and the name of the mailbox profile in the rule file.
    public var name: String
    /// `enable-client`: whether the mailbox is polled (KANA's *Active*).
    public var enableClient = false
    /// `type`: POP3 or IMAP.
    public var type: MailProtocol
    /// `server`: the host name or IP address of the mail server.
    public var server: String
    /// `port`, when the configuration sets it; ``port`` gives the one to use.
    public var explicitPort: Int?
    /// `mailbox`: the login name.
    public var login: String
    /// `password`, or where to read it; ``resolvePassword(environment:)`` reads it.
    public var password: PasswordSource
    /// `address` as written (display name and RFC 2047 words allowed).
    public var addressText: String
    /// `address`, parsed; its `normalized` form is unique among mailboxes.
    public var address: Address
    /// `pop-connection-security`.
    public var connectionSecurity = TransportSecurity.none
    /// `authentication`: one of ``MailProtocol/authenticationMethods`` of ``type``.
    public var authentication = AuthenticationMethod.auto
    /// `ca-file`: a PEM file of the certificate authorities to trust, resolved
    /// against the configuration's directory; nil means the system trust store.
    public var caFile: String?
    /// `connect-timeout`: the longest wait for a connection, TLS handshake included.
    public var connectTimeout = Duration.seconds(300)
    /// `protocol-timeout`: the longest wait for each reply once connected.
    public var protocolTimeout = Duration.seconds(300)
    /// `cycle-time`: the time from the start of one poll to the start of the next.
    public var cycleTime = Duration.seconds(30)
    /// `maximum-msg-number`: the most messages taken in one cycle.
    public var maximumMessageNumber = 100
    /// `leave-msg-on-server`: whether messages stay on the server once stored.
    public var leaveMessageOnServer = false
    /// `delete-bad-formatted-msg`: whether a message that cannot be retrieved is deleted rather than left.
    public var deleteBadFormattedMessage = false
    /// `folder-path`: the IMAP folder read, written with ``folderSeparator``.
    public var folderPath = "INBOX"
    /// `folder-separator`: the hierarchy separator used in the folder options.
    public var folderSeparator: Character = "/"
    /// `processed-items-folder-name`: the IMAP folder processed messages are moved to; nil deletes them.
    public var processedItemsFolderName: String?
    /// `failed-items-folder-name`: the IMAP folder messages that fail are moved to, with ``moveFailedItems``.
    public var failedItemsFolderName: String?
    /// `move-failed-ews-item`: whether messages that fail go to ``failedItemsFolderName`` (IMAP as well as EWS).
    public var moveFailedItems = false
    /// `enable-debug`: whether the protocol exchange is logged (secrets redacted).
    public var enableDebug = false
    /// `enable-message-id-check`: whether a Message-ID already taken from this
    /// mailbox is not queued again; ``checksMessageIDs(with:)`` gives the effective setting.
    public var enableMessageIDCheck = true
    /// The options the rule file's mailbox profile also has, where the configuration sets them.
    public var processing = ProcessingOverrides()
    /// Where the `<mailbox>` element starts.
    public var location: SourceLocation

    /// A mailbox with every other option at its default.
    public init(
        name: String, type: MailProtocol, server: String, login: String, password: PasswordSource,
        addressText: String, address: Address, location: SourceLocation
    ) {
        self.name = name
        self.type = type
        self.server = server
        self.login = login
        self.password = password
        self.addressText = addressText
        self.address = address
        self.location = location
    }

    /// The port to connect to: `port` if set, else the protocol's default for ``connectionSecurity``.
    public var port: Int {
        explicitPort ?? type.defaultPort(security: connectionSecurity)
    }
}
