import Network
import TLS

extension POP3Client {
    /// Connects, reads the greeting, asks for the capabilities and secures the
    /// connection as `security` asks:
    /// - `none`: plain text throughout.
    /// - `start-tls`: STLS when CAPA lists it, otherwise plain text. A server that
    ///   lists STLS and then refuses it is an error, not a reason to go on in clear.
    /// - `start-tls-required`: STLS, or ``POP3Error/startTLSNotOffered(host:port:)``
    ///   before any credential is sent.
    /// - `ssl-tls`: TLS from the first byte.
    ///
    /// Certificates are verified as `tls` says (on by default), against `host`;
    /// `tls` may be nil only for `none`.
    /// - Throws: ``POP3Error/tlsNotConfigured(host:port:security:)`` before
    ///   connecting when TLS is needed and `tls` is nil; ``POP3Error/network(_:)`` for connection, TLS and timeout
    ///   failures (naming host, port and reason), ``POP3Error/greetingRefused(host:port:reply:)``,
    ///   ``POP3Error/startTLSNotOffered(host:port:)``, ``POP3Error/startTLSRefused(host:port:reply:)``,
    ///   ``POP3Error/malformedReply(host:port:command:line:)``.
    public static func connect(
        host: String, port: Int, security: TransportSecurity, tls: TLSContext?,
        timeouts: ConnectionTimeouts = ConnectionTimeouts(), limits: POP3Limits = POP3Limits(),
        transcript: POP3Transcript? = nil
    ) throws(POP3Error) -> POP3Client {
        var transport = ConnectionSecurity.plain
        if security != .none {
            guard let tls else { throw .tlsNotConfigured(host: host, port: port, security: security) }
            if security == .implicitTLS { transport = .implicitTLS(tls) }
        }
        let connection: Connection
        do {
            connection = try Connection.open(
                host: host, port: port, security: transport,
                timeouts: timeouts)
        } catch {
            throw .network(error)
        }
        let greeting: POP3ServerReply
        do {
            greeting = try readGreeting(connection, limits: limits, transcript: transcript)
        } catch {
            connection.close()
            throw error
        }
        let client = POP3Client(connection: connection, greeting: greeting, limits: limits, transcript: transcript)
        try client.refreshCapabilities()
        if let tls, security == .startTLS || security == .startTLSRequired {
            try client.startTLS(tls, required: security == .startTLSRequired)
        }
        return client
    }

    /// The first line the server sends; `-ERR` (a busy or closed server) is an error.
    private static func readGreeting(
        _ connection: Connection, limits: POP3Limits, transcript: POP3Transcript?
    ) throws(POP3Error) -> POP3ServerReply {
        var line: [UInt8] = []
        do {
            _ = try connection.readLine(appendingTo: &line, limit: limits.replyLineLength)
        } catch {
            throw .network(error)
        }
        transcript?(TranscriptLine(.received, POP3Client.text(of: line)))
        guard let greeting = POP3ServerReply(line: line) else {
            throw .malformedReply(
                host: connection.host, port: connection.port, command: "the greeting",
                line: String(POP3Client.text(of: line).prefix(200)))
        }
        guard greeting.isPositive else {
            throw .greetingRefused(host: connection.host, port: connection.port, reply: greeting)
        }
        return greeting
    }

    /// Asks CAPA again; a server that refuses CAPA has ``POP3Capabilities/unknown`` capabilities.
    func refreshCapabilities() throws(POP3Error) {
        let command = POP3Command("CAPA")
        let reply = try exchange(command)
        capabilities = reply.isPositive ? POP3Capabilities(lines: try readListing(for: command)) : .unknown
    }

    /// STLS, the TLS handshake over the same socket, then CAPA again (RFC 2595
    /// section 4: capabilities learned in clear must be forgotten).
    private func startTLS(_ tls: TLSContext, required: Bool) throws(POP3Error) {
        guard capabilities.offersSTLS else {
            guard !required else { throw end(.startTLSNotOffered(host: host, port: port)) }
            return
        }
        let reply = try exchange(POP3Command("STLS"))
        guard reply.isPositive else { throw end(.startTLSRefused(host: host, port: port, reply: reply)) }
        do {
            try connection?.upgradeToTLS(tls)
        } catch {
            throw end(.network(error))
        }
        try refreshCapabilities()
    }
}
