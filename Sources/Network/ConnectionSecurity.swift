import TLS

/// How a connection's byte stream starts. STARTTLS and STLS happen later,
/// when the protocol asks for ``Connection/upgradeToTLS(_:)``.
public enum ConnectionSecurity: Sendable {
    /// Plain TCP.
    case plain
    /// TLS from the first byte, with this context (which says whether and
    /// against what the server's certificate is verified).
    case implicitTLS(TLSContext)
}
