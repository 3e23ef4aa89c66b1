/// Why a ``TLSSession`` failed. The reasons are OpenSSL's or the system's
/// strings; they never include application data, so never a password.
public enum TLSSessionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// OpenSSL could not create the session, or refused the server name.
    case setupFailed(reasons: [String])
    /// The peer's certificate did not verify: untrusted, expired, or issued
    /// for another name. `reason` is OpenSSL's verification message.
    case certificateRejected(reason: String)
    /// The handshake failed for another reason (protocol versions, ciphers,
    /// the peer is not speaking TLS).
    case handshakeFailed(reasons: [String])
    /// Nothing happened within the timeout; `phase` says what was awaited.
    case timedOut(phase: Phase)
    /// A read or write failed after the handshake.
    case ioFailed(reasons: [String])

    /// What the session was waiting for when it timed out.
    public enum Phase: String, Sendable, Hashable {
        case handshake = "TLS handshake"
        case reading = "server reply"
        case writing = "sending"
    }

    /// One line for the person who must fix the connection.
    public var description: String {
        switch self {
        case .setupFailed(let reasons): return "cannot set up TLS: " + Self.join(reasons)
        case .certificateRejected(let reason): return "certificate rejected: \(reason)"
        case .handshakeFailed(let reasons): return "TLS handshake failed: " + Self.join(reasons)
        case .timedOut(let phase): return "timed out waiting for the \(phase.rawValue)"
        case .ioFailed(let reasons): return "TLS connection failed: " + Self.join(reasons)
        }
    }

    private static func join(_ reasons: [String]) -> String {
        reasons.isEmpty ? "no reason given" : reasons.joined(separator: "; ")
    }
}
