import Network

/// Why an IMAP operation failed. Every case names the server (host and
/// port) or the folder path concerned; server texts are quoted as the
/// server sent them (control characters removed, at most 300 characters).
/// No case ever carries a command line that held a password or an
/// AUTHENTICATE payload.
public enum IMAPError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The connection failed: name resolution, connect, timeout, peer closed,
    /// TLS handshake or certificate verification (see `NetworkError`).
    case network(NetworkError)
    /// The security mode needs TLS but the configuration has no `TLSContext`.
    case tlsNotConfigured(host: String, port: Int, security: TransportSecurity)
    /// The server greeted with BYE: it refuses connections now.
    case greetingRejected(host: String, port: Int, text: String)
    /// `start-tls-required`, and the server did not list STARTTLS (or greeted
    /// with PREAUTH, which leaves no chance to start TLS). Nothing was sent
    /// in the clear beyond CAPABILITY.
    case startTLSNotOffered(host: String, port: Int)
    /// The server listed STARTTLS but answered the command with NO or BAD.
    case startTLSRefused(host: String, port: Int, text: String)
    /// No authentication method allowed by the configuration is usable on
    /// this connection (LOGINDISABLED, AUTH=PLAIN missing); no secret was sent.
    case authenticationUnavailable(host: String, port: Int, reason: String)
    /// The server rejected the user name or password.
    case authenticationFailed(host: String, port: Int, user: String, text: String)
    /// The server answered a command with NO or BAD. `command` is a summary
    /// without secrets (`SELECT "Support/Claims"`); `status` is NO or BAD.
    case commandFailed(host: String, port: Int, command: String, status: String, text: String)
    /// A `folder-path` cannot be named on this server (empty, or a component
    /// holds the server's hierarchy delimiter, or the server has none).
    case folderPathInvalid(path: String, reason: String)
    /// The server said BYE and closed the connection.
    case closedByServer(host: String, port: Int, text: String)
    /// The server sent something that is not IMAP; the connection is closed.
    case protocolViolation(host: String, port: Int, detail: String)
    /// A FETCH literal was larger than `maximumLiteralSize`. Nothing of it was
    /// kept; the connection is closed, since the rest of the response cannot
    /// be read without reading the whole literal. `uid` is nil when the server
    /// sent the literal before the message's UID.
    case literalTooLarge(host: String, port: Int, uid: UInt32?, size: Int, limit: Int)
    /// The client was logged out or closed, or failed earlier and closed.
    case notConnected(host: String, port: Int)

    /// One line for the person who must act: what failed, where, and the server's words.
    public var description: String {
        switch self {
        case .network(let error):
            return "\(error)"
        case .tlsNotConfigured(let host, let port, let security):
            return "IMAP server \(host):\(port): pop-connection-security \(security.rawValue) needs TLS settings (trust store or CA file), and none were given"
        case .greetingRejected(let host, let port, let text):
            return "IMAP server \(host):\(port) refused the connection: \(text)"
        case .startTLSNotOffered(let host, let port):
            return "IMAP server \(host):\(port) does not offer STARTTLS, and pop-connection-security is start-tls-required; connection abandoned before logging in"
        case .startTLSRefused(let host, let port, let text):
            return "IMAP server \(host):\(port) refused STARTTLS: \(text)"
        case .authenticationUnavailable(let host, let port, let reason):
            return "IMAP server \(host):\(port): cannot log in: \(reason)"
        case .authenticationFailed(let host, let port, let user, let text):
            return "IMAP server \(host):\(port) rejected the login of '\(user)': \(text)"
        case .commandFailed(let host, let port, let command, let status, let text):
            return "IMAP server \(host):\(port) answered \(command) with \(status): \(text)"
        case .folderPathInvalid(let path, let reason):
            return "folder-path '\(path)': \(reason)"
        case .closedByServer(let host, let port, let text):
            return "IMAP server \(host):\(port) closed the connection: \(text)"
        case .protocolViolation(let host, let port, let detail):
            return "IMAP server \(host):\(port) sent an invalid response: \(detail)"
        case .literalTooLarge(let host, let port, let uid, let size, let limit):
            let message = uid.map { "message UID \($0)" } ?? "a message"
            return "IMAP server \(host):\(port) sent \(message) of \(size) bytes, more than the limit of \(limit) bytes; connection closed"
        case .notConnected(let host, let port):
            return "IMAP connection to \(host):\(port) is closed"
        }
    }
}
