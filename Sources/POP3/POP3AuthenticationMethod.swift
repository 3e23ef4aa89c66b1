/// How the client proves who it is.
public enum POP3AuthenticationMethod: String, Sendable, Hashable, CaseIterable {
    /// APOP when the connection is not encrypted and the greeting carries an
    /// APOP timestamp (so the password never crosses the network in clear),
    /// otherwise USER/PASS. Never both: a failed login is not retried with
    /// another method, which would double the server's failure count.
    case automatic = "auto"
    /// USER then PASS (RFC 1939 section 7); the password is sent as is, so use it over TLS.
    case userPass = "user-pass"
    /// APOP (RFC 1939 section 7): an MD5 digest of the greeting's timestamp and
    /// the password. Fails with ``POP3Error/apopNotOffered(host:port:)`` when
    /// the greeting has no timestamp.
    case apop = "apop"
}
