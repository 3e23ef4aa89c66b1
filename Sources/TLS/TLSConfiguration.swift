/// Everything a ``TLSContext`` is built from. A value, so it can be built up,
/// stored and compared before any OpenSSL object exists.
public struct TLSConfiguration: Sendable {
    /// Which end of the connection the context serves.
    public enum Role: Sendable, Hashable {
        /// Connects to servers (POP3, IMAP); verifies them by default.
        case client
        /// Accepts connections; needs an ``TLSIdentity``.
        case server
    }

    /// The oldest protocol version accepted.
    public enum ProtocolVersion: Sendable, Hashable {
        /// TLS 1.2, the oldest version mailroute ever accepts.
        case tls12
        /// TLS 1.3.
        case tls13
    }

    /// Where the certificates that anchor peer verification come from.
    public enum TrustRoots: Sendable, Hashable {
        /// The system's default CA locations, as OpenSSL was built to find them.
        case systemDefault
        /// A PEM file of CA certificates, used instead of the system's.
        case caFile(String)
    }

    /// Client or server.
    public var role: Role
    /// The oldest protocol version accepted; TLS 1.2 by default.
    public var minimumVersion: ProtocolVersion
    /// Whether the peer must present a certificate that verifies against
    /// ``trustRoots``. On by default for clients; turning it off makes a
    /// client accept any server, so do it only for tests.
    public var verifiesPeer: Bool
    /// The CA certificates peers are verified against.
    public var trustRoots: TrustRoots
    /// The certificate chain and key to present, if any.
    public var identity: TLSIdentity?

    /// A configuration with every setting spelled out.
    public init(
        role: Role, minimumVersion: ProtocolVersion = .tls12, verifiesPeer: Bool,
        trustRoots: TrustRoots = .systemDefault, identity: TLSIdentity? = nil
    ) {
        self.role = role
        self.minimumVersion = minimumVersion
        self.verifiesPeer = verifiesPeer
        self.trustRoots = trustRoots
        self.identity = identity
    }

    /// A client that verifies servers against `trustRoots`, with TLS 1.2 or later.
    public static func client(trustRoots: TrustRoots = .systemDefault, identity: TLSIdentity? = nil) -> Self {
        TLSConfiguration(role: .client, verifiesPeer: true, trustRoots: trustRoots, identity: identity)
    }

    /// A server presenting `identity`, with TLS 1.2 or later, that does not ask
    /// clients for certificates.
    public static func server(identity: TLSIdentity) -> Self {
        TLSConfiguration(role: .server, verifiesPeer: false, identity: identity)
    }
}
