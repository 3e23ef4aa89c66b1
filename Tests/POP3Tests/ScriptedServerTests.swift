import DovecotHarness
import Network
import POP3
import TLS
import Testing

/// Behaviours a real Dovecot cannot be made to show, played by a fake server.
@Suite struct ScriptedServerTests {
    func connect(_ fake: ScriptedPOP3, _ security: TransportSecurity, timeouts: ConnectionTimeouts = Support.timeouts,
                 limits: POP3Limits = POP3Limits()) throws -> POP3Client {
        // The context is never used for a handshake: the fake servers offer no usable STLS.
        try POP3Client.connect(
            host: "127.0.0.1", port: fake.port, security: security, tls: TLSContext(), timeouts: timeouts, limits: limits)
    }

    @Test func strippedSTLSCannotDowngradeStartTLSRequired() throws {
        let fake = try ScriptedPOP3 { line, _ in ScriptedPOP3.basics(line, capabilities: ["USER", "PIPELINING"]) }
        let error = #expect(throws: POP3Error.self) { try connect(fake, .startTLSRequired) }
        #expect(error == .startTLSNotOffered(host: "127.0.0.1", port: fake.port))
        #expect(error?.description.contains("start-tls-required") == true)
        _ = fake.server.waitUntilIdle()
        #expect(fake.commands == ["CAPA"], "nothing but CAPA may be sent before TLS")
    }

    @Test func startTLSStaysPlainOnlyWhenSTLSIsNotOffered() throws {
        let fake = try ScriptedPOP3 { line, _ in ScriptedPOP3.basics(line, capabilities: ["USER"]) }
        let client = try connect(fake, .startTLS)
        #expect(!client.isEncrypted)
        try client.authenticate(user: "alice", password: "wonderland", method: .userPass)
        try client.quit()
        _ = fake.server.waitUntilIdle()
        #expect(fake.commands == ["CAPA", "USER alice", "PASS wonderland", "CAPA", "QUIT"])
    }

    @Test(arguments: [TransportSecurity.startTLS, .startTLSRequired])
    func refusedSTLSIsAnErrorNotAFallback(security: TransportSecurity) throws {
        let fake = try ScriptedPOP3 { line, _ in
            line == "STLS" ? "-ERR [SYS/TEMP] TLS unavailable\r\n" : ScriptedPOP3.basics(line, capabilities: ["STLS", "USER"])
        }
        let error = #expect(throws: POP3Error.self) { try connect(fake, security) }
        guard case .startTLSRefused("127.0.0.1", fake.port, let reply) = error else {
            Issue.record("expected startTLSRefused, got \(String(describing: error))")
            return
        }
        #expect(reply.code == .temporarySystemError)
        #expect(reply.text == "TLS unavailable")
    }

    @Test func silentServerTimesOutWithinTheProtocolTimeout() throws {
        let fake = try ScriptedPOP3 { line, _ in
            line == "STAT" ? nil : ScriptedPOP3.basics(line, capabilities: ["USER"])
        }
        let timeouts = ConnectionTimeouts(connect: .seconds(5), protocol: .seconds(1))
        let client = try connect(fake, .none, timeouts: timeouts)
        try client.authenticate(user: "alice", password: "wonderland")
        let error = #expect(throws: POP3Error.self) { try client.status() }
        #expect(error == .network(.timedOut(host: "127.0.0.1", port: fake.port, waitingFor: "server reply", after: .seconds(1))))
        #expect(!client.isOpen)
        #expect(throws: POP3Error.sessionEnded(host: "127.0.0.1", port: fake.port)) { try client.noop() }
    }

    @Test func serverSilentMidMessageTimesOut() throws {
        let fake = try ScriptedPOP3 { line, _ in
            line == "RETR 1" ? nil : ScriptedPOP3.basics(line, capabilities: ["USER"])
        }
        let timeouts = ConnectionTimeouts(connect: .seconds(5), protocol: .seconds(1))
        let client = try connect(fake, .none, timeouts: timeouts)
        try client.authenticate(user: "alice", password: "wonderland")
        var buffer: [UInt8] = []
        let error = #expect(throws: POP3Error.self) { try client.retrieve(1, maximumSize: 1000, appendingTo: &buffer) }
        guard case .network(.timedOut(_, _, "server reply", .seconds(1))) = error else {
            Issue.record("expected a timeout, got \(String(describing: error))")
            return
        }
        #expect(buffer.isEmpty)
    }
}
