import Network
import TLS

/// A synchronous IMAP4rev1 client (RFC 3501) for polling one mailbox:
/// connect (plain, STARTTLS or implicit TLS), log in, select a folder,
/// search, fetch many messages in one command with their literals streamed
/// into the caller's buffer, flag, move, expunge, log out. No IDLE.
///
/// One thread owns a client at a time (it is not `Sendable`); every
/// network wait is bounded by the configuration's timeouts. Errors are
/// ``IMAPError``s. After an error that leaves the protocol state unknown
/// (network, invalid response, oversized literal, BYE) the connection is
/// closed and every later call throws `.notConnected`;
/// after NO or BAD the client stays usable.
public final class IMAPClient {
    /// What the client was connected with.
    public let configuration: IMAPConfiguration
    /// The server's capabilities, as last announced (re-read after STARTTLS
    /// and after logging in).
    public internal(set) var capabilities = IMAPCapabilities([])
    /// The selected folder, kept current as the server reports new and
    /// expunged messages; nil before SELECT.
    public internal(set) var selected: IMAPMailboxStatus?
    /// Whether the connection is encrypted (implicit TLS or after STARTTLS).
    public var isEncrypted: Bool { transport.isEncrypted }

    let transport: any IMAPTransport
    let reader: ResponseReader
    /// The number in the last tag used (`A1`, `A2`, ...).
    var tagNumber = 0
    /// Set once the connection is closed, by request or after a failure.
    var isClosed = false
    /// The text of an untagged BYE, to explain the end of the connection.
    var byeText: String?
    /// The server's hierarchy delimiter, once asked (`.some(nil)`: a flat server).
    var delimiter: Character??
    /// What the untagged responses of the current SELECT said.
    var selection = SelectionResponses()

    /// Connects, reads the greeting, starts TLS as `configuration.security`
    /// asks and learns the server's capabilities; the client is then ready
    /// for ``login(user:password:)``.
    ///
    /// - Throws: `.tlsNotConfigured`; `.network` (host not found, refused,
    ///   timed out, `certificateRejected` naming host and reason);
    ///   `.greetingRejected`; `.startTLSNotOffered` for `start-tls-required`
    ///   when the server does not list STARTTLS; `.startTLSRefused`;
    ///   `.protocolViolation`.
    public static func connect(_ configuration: IMAPConfiguration) throws(IMAPError) -> IMAPClient {
        var security = ConnectionSecurity.plain
        if configuration.security != .none {
            guard let tls = configuration.tls else {
                throw .tlsNotConfigured(host: configuration.host, port: configuration.port, security: configuration.security)
            }
            if configuration.security == .implicitTLS { security = .implicitTLS(tls) }
        }
        let connection: Connection
        do throws(NetworkError) {
            connection = try Connection.open(
                host: configuration.host, port: configuration.port, security: security, timeouts: configuration.timeouts)
        } catch {
            throw .network(error)
        }
        let client = IMAPClient(transport: connection, configuration: configuration)
        try client.start()
        return client
    }

    /// A client over `transport`, which has not read the greeting yet.
    init(transport: any IMAPTransport, configuration: IMAPConfiguration) {
        self.configuration = configuration
        self.transport = transport
        self.reader = ResponseReader(transport: transport, configuration: configuration)
    }

    deinit {
        transport.close()
    }

    /// Closes the connection without logging out. Safe to call twice.
    public func close() {
        isClosed = true
        transport.close()
    }

    /// The server's host, for error messages.
    var host: String { transport.host }
    /// The server's port, for error messages.
    var port: Int { transport.port }

    /// Runs one public operation: refuses it on a closed client, and closes
    /// the connection when `body` fails in a way that leaves the protocol
    /// state unknown.
    func perform<T>(_ body: () throws(IMAPError) -> T) throws(IMAPError) -> T {
        guard !isClosed else { throw .notConnected(host: host, port: port) }
        do throws(IMAPError) {
            return try body()
        } catch {
            switch error {
            case .network(.closedByPeer) where byeText != nil:
                close()
                throw .closedByServer(host: host, port: port, text: byeText ?? "")
            case .network, .protocolViolation, .literalTooLarge, .closedByServer, .greetingRejected,
                .startTLSNotOffered, .startTLSRefused:
                close()
            case .tlsNotConfigured, .authenticationUnavailable, .authenticationFailed, .commandFailed,
                .folderPathInvalid, .notConnected:
                break
            }
            throw error
        }
    }
}
