/// Why a connection to a mail server failed. Every case names the server;
/// none carries data that was sent, so none can reveal a password.
public enum NetworkError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The host name did not resolve.
    case hostNotFound(host: String, reason: String)
    /// No address of the host accepted the connection.
    case connectionRefused(host: String, port: Int, reason: String)
    /// Nothing happened within the timeout; `waitingFor` says what was
    /// awaited ("connection", "TLS handshake", "server reply", "sending").
    case timedOut(host: String, port: Int, waitingFor: String, after: Duration)
    /// The server closed the connection.
    case closedByPeer(host: String, port: Int)
    /// A line did not end within `limit` bytes.
    case lineTooLong(host: String, port: Int, limit: Int)
    /// The TLS handshake failed for a reason other than the certificate.
    case tlsHandshakeFailed(host: String, port: Int, reason: String)
    /// The server's certificate did not verify (untrusted issuer, expired,
    /// issued for another name); `reason` is OpenSSL's verdict.
    case certificateRejected(host: String, port: Int, reason: String)
    /// The server sent bytes after accepting STARTTLS and before the
    /// handshake. They would be taken as if protected, so the connection is
    /// refused (the STARTTLS command injection attack).
    case unexpectedDataBeforeTLS(host: String, port: Int)
    /// The operating system or TLS library reported a failure.
    case ioFailed(host: String, port: Int, reason: String)

    /// One line naming the server, what failed and why.
    public var description: String {
        switch self {
        case .hostNotFound(let host, let reason):
            return "cannot resolve host '\(host)': \(reason)"
        case .connectionRefused(let host, let port, let reason):
            return "cannot connect to \(host):\(port): \(reason)"
        case .timedOut(let host, let port, let waitingFor, let after):
            return "\(host):\(port): timed out after \(after.formattedSeconds) waiting for the \(waitingFor)"
        case .closedByPeer(let host, let port):
            return "\(host):\(port) closed the connection"
        case .lineTooLong(let host, let port, let limit):
            return "\(host):\(port) sent a line longer than \(limit) bytes"
        case .tlsHandshakeFailed(let host, let port, let reason):
            return "TLS handshake with \(host):\(port) failed: \(reason)"
        case .certificateRejected(let host, let port, let reason):
            return "the certificate of \(host):\(port) was rejected: \(reason)"
        case .unexpectedDataBeforeTLS(let host, let port):
            return "\(host):\(port) sent data before the TLS handshake it had accepted; refusing the connection"
        case .ioFailed(let host, let port, let reason):
            return "connection to \(host):\(port) failed: \(reason)"
        }
    }
}

extension Duration {
    /// "2s", "0.5s", for messages.
    var formattedSeconds: String {
        let (seconds, attoseconds) = components
        let milliseconds = attoseconds / 1_000_000_000_000_000
        return milliseconds == 0 ? "\(seconds)s" : "\(Double(seconds) + Double(milliseconds) / 1000)s"
    }
}
