/// How long a connection may wait: the Genesys options `connect-timeout`
/// and `protocol-timeout`.
public struct ConnectionTimeouts: Sendable, Hashable {
    /// Bounds name resolution, the TCP connect and an implicit TLS handshake together.
    public var connect: Duration
    /// Bounds each wait for progress once connected: every reply, every
    /// chunk of a message, every send, a STARTTLS handshake.
    public var `protocol`: Duration

    /// Both default to five minutes, as Genesys' do.
    public init(connect: Duration = .seconds(300), protocol: Duration = .seconds(300)) {
        self.connect = connect
        self.protocol = `protocol`
    }
}
