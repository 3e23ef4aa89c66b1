import Network
import TLS

/// A POP3 session (RFC 1939, with CAPA, PIPELINING and response codes from
/// RFC 2449 and STLS from RFC 2595), synchronous, owned by one thread.
///
/// Every wait is bounded by the connection's timeouts. Failures are
/// ``POP3Error``s; after one that drops the connection the session answers
/// every call with ``POP3Error/sessionEnded(host:port:)``. Deletions take
/// effect only at ``quit()``: a session that ends any other way (``close()``,
/// a timeout, a crash) deletes nothing.
///
/// ```swift
/// let pop = try POP3Client.connect(host: "mail.example", port: 995, security: .implicitTLS, tls: context)
/// try pop.authenticate(user: "support", password: secret)
/// try pop.beginRetrieval(of: pop.list().map(\.number), part: .message, maximumSize: 10 << 20)
/// while let retrieval = try pop.nextRetrieval(appendingTo: &buffer) { ... }
/// try pop.quit()
/// ```
public final class POP3Client {
    /// The server's host name or address, as given to ``connect(host:port:security:tls:timeouts:limits:transcript:)``.
    public let host: String
    /// The server's port.
    public let port: Int
    /// The server's greeting.
    public let greeting: POP3ServerReply
    /// What the server announced in its latest CAPA reply (asked again after STLS and after login).
    public internal(set) var capabilities: POP3Capabilities
    /// The bounds this session enforces.
    public let limits: POP3Limits
    /// Receives every line sent and received, redacted; `nil` for none.
    let transcript: POP3Transcript?
    /// The connection, `nil` once the session has ended.
    var connection: Connection?
    /// Reply lines are read into this one buffer, so reading allocates nothing per line.
    var scratch: [UInt8] = []
    /// The RETR or TOP commands of the current batch, see ``beginRetrieval(of:part:maximumSize:)``.
    var batch: RetrievalBatch?

    /// Whether the connection is encrypted (implicit TLS, or after STLS).
    public var isEncrypted: Bool { connection?.isEncrypted ?? false }

    /// Whether the session can still be used.
    public var isOpen: Bool { connection != nil }

    init(connection: Connection, greeting: POP3ServerReply, limits: POP3Limits, transcript: POP3Transcript?) {
        self.host = connection.host
        self.port = connection.port
        self.connection = connection
        self.greeting = greeting
        self.capabilities = .unknown
        self.limits = limits
        self.transcript = transcript
    }

    deinit {
        connection?.close()
    }

    /// Ends the session without QUIT: the connection is closed and, as RFC 1939
    /// promises, nothing marked for deletion is deleted. Safe to call twice.
    public func close() {
        connection?.close()
        connection = nil
        batch = nil
    }
}
