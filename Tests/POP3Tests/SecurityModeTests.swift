import DovecotHarness
import Network
import POP3
import Testing

/// Each `pop-connection-security` mode against a real Dovecot, and certificate verification.
@Suite struct SecurityModeTests {
    @Test(arguments: TransportSecurity.allCases)
    func eachModeLogsInAndReads(security: TransportSecurity) throws {
        let server = try Dovecot.start()
        defer { server.stop() }
        try server.deliver(MailGemCorpus.message("plain_emails/basic_email.eml"), to: "alice")
        let client = try Support.connect(server, security)
        #expect(client.isEncrypted == (security != .none))
        // After STLS the capabilities were asked again: Dovecot no longer offers STLS inside TLS.
        #expect(client.capabilities.offersSTLS == (security == .none))
        try client.authenticate(user: "alice", password: "wonderland")
        #expect(try client.status().messageCount == 1)
        try client.quit()
        #expect(!client.isOpen)
    }

    /// A mode that needs TLS stops before connecting when no TLS settings are
    /// given; `none` needs none (the service loads no trust store for it).
    @Test func tlsSettingsAreNeededOnlyWhenTLSIs() throws {
        let server = try Dovecot.start()
        defer { server.stop() }
        for security in [TransportSecurity.startTLS, .startTLSRequired, .implicitTLS] {
            #expect(throws: POP3Error.tlsNotConfigured(host: server.host, port: server.pop3Port, security: security)) {
                try POP3Client.connect(host: server.host, port: server.pop3Port, security: security, tls: nil, timeouts: Support.timeouts)
            }
        }
        let client = try POP3Client.connect(host: server.host, port: server.pop3Port, security: .none, tls: nil, timeouts: Support.timeouts)
        #expect(!client.isEncrypted)
        try client.quit()
    }

    @Test(arguments: [TransportSecurity.startTLS, .startTLSRequired, .implicitTLS])
    func untrustedCertificateIsRejectedNamingHostAndReason(security: TransportSecurity) throws {
        let server = try Dovecot.start()
        defer { server.stop() }
        let error = #expect(throws: POP3Error.self) { try Support.connect(server, security, caFile: server.untrustedCAFile) }
        let port = security == .implicitTLS ? server.pop3sPort : server.pop3Port
        guard case .network(.certificateRejected(server.host, port, let reason)) = error else {
            Issue.record("expected certificateRejected, got \(String(describing: error))")
            return
        }
        #expect(!reason.isEmpty)
        #expect(error?.description.contains(server.host) == true)
        #expect(error?.description.contains(reason) == true)
    }
}
