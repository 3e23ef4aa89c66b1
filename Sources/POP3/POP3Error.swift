import Network

/// Why a POP3 operation failed. Every case names the server; none contains a
/// password, an APOP digest or an AUTH payload (commands are quoted in their
/// redacted form), and server replies are quoted so the person fixing things
/// sees the server's own words and response code.
public enum POP3Error: Error, Sendable, Hashable, CustomStringConvertible {
    /// The connection failed: resolving, connecting, TLS, a timeout, or the server closing it.
    case network(NetworkError)
    /// The server answered the connection with `-ERR` instead of a greeting.
    case greetingRefused(host: String, port: Int, reply: POP3ServerReply)
    /// The server sent something that is not POP3 where `command`'s reply
    /// belonged; `line` is the start of what it sent.
    case malformedReply(host: String, port: Int, command: String, line: String)
    /// The security mode needs TLS but no `TLSContext` was given.
    case tlsNotConfigured(host: String, port: Int, security: TransportSecurity)
    /// `start-tls-required`, but the server's CAPA does not list STLS, so no
    /// credentials were sent: a server or a network in the middle that strips
    /// STLS cannot downgrade the connection to plain text.
    case startTLSNotOffered(host: String, port: Int)
    /// The server lists STLS but refused it; nothing was sent in clear.
    case startTLSRefused(host: String, port: Int, reply: POP3ServerReply)
    /// APOP was asked for, but the greeting carries no APOP timestamp.
    case apopNotOffered(host: String, port: Int)
    /// The login or password holds a character that cannot be sent in a POP3
    /// command (CR, LF or NUL); `field` says which, the value is never shown.
    case unsendableCredential(host: String, port: Int, user: String, field: String)
    /// The server refused the login; `command` is the refused one (`USER alice`,
    /// `PASS <redacted>` or `APOP alice <redacted>`).
    case authenticationFailed(host: String, port: Int, user: String, command: String, reply: POP3ServerReply)
    /// The server answered `command` with `-ERR`; the session is still usable.
    case commandRefused(host: String, port: Int, command: String, reply: POP3ServerReply)
    /// Message `message` is larger than `limit` octets. With `connectionKept`
    /// the rest was read and discarded and the session goes on; otherwise the
    /// message went on past the discard limit and the connection was dropped
    /// (so nothing marked for deletion was deleted).
    case messageTooLarge(host: String, port: Int, message: Int, limit: Int, connectionKept: Bool)
    /// A CAPA, LIST or UIDL reply went on past `limit` lines; the connection was dropped.
    case listingTooLong(host: String, port: Int, command: String, limit: Int)
    /// The session is over (after QUIT, `close()`, or an error that dropped
    /// the connection); connect again.
    case sessionEnded(host: String, port: Int)

    /// Whether the session can still be used after this error.
    public var leavesSessionUsable: Bool {
        switch self {
        case .commandRefused: return true
        case .messageTooLarge(_, _, _, _, let connectionKept): return connectionKept
        default: return false
        }
    }

    /// The server's reply behind the error, if the server refused something.
    public var serverReply: POP3ServerReply? {
        switch self {
        case .greetingRefused(_, _, let reply), .startTLSRefused(_, _, let reply),
            .authenticationFailed(_, _, _, _, let reply), .commandRefused(_, _, _, let reply):
            return reply
        default:
            return nil
        }
    }

    /// One sentence for the person who must fix things: server, what failed, and the server's words.
    public var description: String {
        switch self {
        case .network(let error):
            return error.description
        case .greetingRefused(let host, let port, let reply):
            return "POP3 server \(host):\(port) refused the connection: \(reply)"
        case .malformedReply(let host, let port, let command, let line):
            return "POP3 server \(host):\(port) sent something that is not a POP3 reply to \(command): '\(line)'"
        case .tlsNotConfigured(let host, let port, let security):
            return "POP3 server \(host):\(port): pop-connection-security \(security.rawValue) needs TLS settings "
                + "(trust store or CA file), and none were given"
        case .startTLSNotOffered(let host, let port):
            return "POP3 server \(host):\(port) does not offer STLS, and pop-connection-security is "
                + "start-tls-required: not logging in over plain text (use start-tls to allow it)"
        case .startTLSRefused(let host, let port, let reply):
            return "POP3 server \(host):\(port) refused STLS: \(reply)"
        case .apopNotOffered(let host, let port):
            return "POP3 server \(host):\(port) does not offer APOP (its greeting has no <timestamp>); "
                + "use USER/PASS authentication"
        case .unsendableCredential(let host, let port, let user, let field):
            return "cannot log in to POP3 server \(host):\(port) as '\(user)': the \(field) contains "
                + "a line break or NUL, which POP3 cannot send"
        case .authenticationFailed(let host, let port, let user, let command, let reply):
            return "POP3 server \(host):\(port) refused the login of '\(user)' at \(command): \(reply)"
        case .commandRefused(let host, let port, let command, let reply):
            return "POP3 server \(host):\(port) refused \(command): \(reply)"
        case .messageTooLarge(let host, let port, let message, let limit, let connectionKept):
            return "message \(message) on POP3 server \(host):\(port) is larger than the limit of \(limit) octets"
                + (connectionKept ? "; skipped" : "; the connection was dropped")
        case .listingTooLong(let host, let port, let command, let limit):
            return "POP3 server \(host):\(port) sent more than \(limit) lines in reply to \(command); "
                + "the connection was dropped"
        case .sessionEnded(let host, let port):
            return "the POP3 session with \(host):\(port) has ended; connect again"
        }
    }
}
