/// How a mail client protects its connection (Genesys `pop-connection-security`).
///
/// The raw values are the option's values as written in a configuration file.
/// The Network module declares the same enum; the two are to become one.
public enum TransportSecurity: String, Sendable, Hashable, CaseIterable {
    /// Plain, never STARTTLS.
    case none = "none"
    /// STARTTLS/STLS if the server offers it, else stay plain.
    case startTLS = "start-tls"
    /// STARTTLS/STLS or abort, also when the capability is missing: no downgrade.
    case startTLSRequired = "start-tls-required"
    /// TLS from the first byte (ports 995 and 993).
    case implicitTLS = "ssl-tls"
}
