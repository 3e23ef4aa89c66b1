/// How a mail client protects its connection: the Genesys option
/// `pop-connection-security`, whose values are the raw values here.
public enum TransportSecurity: String, Sendable, Hashable, CaseIterable {
    /// Plain text; STARTTLS is never attempted.
    case none = "none"
    /// STARTTLS (IMAP) or STLS (POP3) when the server offers it; plain otherwise.
    case startTLS = "start-tls"
    /// STARTTLS or STLS, or no connection at all. A server that does not list
    /// the capability (or an attacker who removed it) cannot downgrade this.
    case startTLSRequired = "start-tls-required"
    /// TLS from the first byte, as on ports 995 (POP3S) and 993 (IMAPS).
    case implicitTLS = "ssl-tls"
}
