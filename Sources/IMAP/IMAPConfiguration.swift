import Network
import TLS

/// Everything an ``IMAPClient`` needs to connect: where, how securely, how
/// patiently, and the limits that protect it from a hostile server.
public struct IMAPConfiguration: Sendable {
    /// The server's DNS name or IP literal; TLS certificates are verified against it.
    public var host: String
    /// The server's port (see ``defaultPort(for:)``).
    public var port: Int
    /// Genesys `pop-connection-security`.
    public var security: TransportSecurity
    /// Trust roots and verification for TLS; required unless `security` is `.none`.
    public var tls: TLSContext?
    /// `connect-timeout` and `protocol-timeout`: every wait is bounded by them.
    public var timeouts: ConnectionTimeouts
    /// Which login command to use.
    public var authentication: IMAPAuthenticationMethod
    /// The largest FETCH literal accepted (a message body or header), in
    /// bytes; a larger one ends the connection with `.literalTooLarge`, so a
    /// server lying about sizes cannot exhaust memory. 256 MiB by default.
    public var maximumLiteralSize: Int
    /// The longest response line accepted, in bytes (a SEARCH answer with
    /// every UID is one line). 8 MiB by default.
    public var maximumLineLength: Int
    /// Whether to use UID MOVE when the server offers MOVE; when false, moves
    /// are UID COPY, UID STORE \Deleted and UID EXPUNGE (or EXPUNGE).
    public var usesMove: Bool
    /// `enable-debug`: receives every line sent and received, redacted
    /// (see ``TranscriptLine``), on the client's thread.
    public var transcript: (@Sendable (TranscriptLine) -> Void)?

    /// A configuration with the defaults above; `port` defaults to 993 for
    /// `ssl-tls` and 143 otherwise.
    public init(
        host: String, port: Int? = nil, security: TransportSecurity = .startTLS, tls: TLSContext? = nil,
        timeouts: ConnectionTimeouts = ConnectionTimeouts(), authentication: IMAPAuthenticationMethod = .automatic
    ) {
        self.host = host
        self.port = port ?? Self.defaultPort(for: security)
        self.security = security
        self.tls = tls
        self.timeouts = timeouts
        self.authentication = authentication
        self.maximumLiteralSize = 256 << 20
        self.maximumLineLength = 8 << 20
        self.usesMove = true
        self.transcript = nil
    }

    /// 993 for implicit TLS, 143 otherwise (RFC 8314, RFC 3501).
    public static func defaultPort(for security: TransportSecurity) -> Int {
        security == .implicitTLS ? 993 : 143
    }
}
