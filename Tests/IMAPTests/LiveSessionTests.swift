import DovecotHarness
import IMAP
import Network
import Testing

/// Connecting and logging in to a real Dovecot.
@Suite struct LiveSessionTests {
    @Test(arguments: TransportSecurity.allCases)
    func eachSecurityModeConnectsAndLogsIn(security: TransportSecurity) throws {
        let dovecot = try Dovecot.start()
        let client = try IMAPClient.connect(Live.configuration(dovecot, security))
        #expect(client.isEncrypted == (security != .none))
        // Dovecot lists STARTTLS only before TLS: the capabilities were re-read.
        #expect(client.capabilities.offersStartTLS == (security == .none))
        try client.login(user: "alice", password: "wonderland")
        #expect(client.capabilities.offersMove && client.capabilities.offersUIDPlus)
        #expect(try client.select(.inbox).exists == 0)
        try client.logout()
        #expect(throws: IMAPError.notConnected(host: dovecot.host, port: client.configuration.port)) {
            _ = try client.search(.all)
        }
    }

    @Test func wrongPasswordIsATypedErrorWithTheServersText() throws {
        let dovecot = try Dovecot.start()
        let client = try IMAPClient.connect(Live.configuration(dovecot, .startTLSRequired))
        do {
            try client.login(user: "alice", password: "looking-glass")
            Issue.record("logged in with a wrong password")
        } catch {
            guard case .authenticationFailed(let host, let port, let user, let text) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(host == dovecot.host && port == dovecot.imapPort && user == "alice")
            #expect(text.contains("Authentication failed"))
            #expect(!error.description.contains("looking-glass"))
        }
    }

    @Test(arguments: [TransportSecurity.implicitTLS, .startTLSRequired, .startTLS])
    func untrustedCertificateIsRejectedNamingHostAndReason(security: TransportSecurity) throws {
        let dovecot = try Dovecot.start()
        let configuration = try Live.configuration(dovecot, security, trusted: false)
        do {
            _ = try IMAPClient.connect(configuration)
            Issue.record("accepted a certificate from an untrusted CA")
        } catch {
            guard case .network(.certificateRejected(let host, _, let reason)) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(host == dovecot.host)
            #expect(!reason.isEmpty)
            #expect(error.description.contains(dovecot.host))
        }
    }

    @Test(arguments: [IMAPAuthenticationMethod.login, .plain, .automatic])
    func eachLoginMethodWorksAndNeverShowsThePassword(method: IMAPAuthenticationMethod) throws {
        let dovecot = try Dovecot.start()
        let recorder = TranscriptRecorder()
        let client = try Live.session(dovecot) {
            $0.authentication = method
            $0.transcript = recorder.record
        }
        _ = try client.select(.inbox)
        try client.logout()
        let transcript = recorder.text
        let sent = method == .login ? #"C: A1 LOGIN "alice" <redacted>"# : "C: A1 AUTHENTICATE PLAIN <redacted>"
        #expect(transcript.contains(sent))
        #expect(transcript.contains("S: A1 OK"))
        #expect(!transcript.contains("wonderland"))
        #expect(!transcript.contains("AGFsaWNlAHdvbmRlcmxhbmQ"))  // the PLAIN payload
    }
}
