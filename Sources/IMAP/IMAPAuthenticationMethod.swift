/// How an ``IMAPClient`` proves who it is.
public enum IMAPAuthenticationMethod: String, Sendable, Hashable, CaseIterable {
    /// AUTHENTICATE PLAIN when the server lists AUTH=PLAIN, else LOGIN
    /// unless the server lists LOGINDISABLED.
    case automatic = "auto"
    /// The LOGIN command (RFC 3501 6.2.3); refused by the client when the
    /// server lists LOGINDISABLED.
    case login = "login"
    /// AUTHENTICATE PLAIN (RFC 4616), with the initial response in the
    /// command when the server lists SASL-IR.
    case plain = "plain"
}
