import DovecotHarness
import Network
import POP3
import Testing

/// USER/PASS and APOP against a real Dovecot, and what the transcript shows of them.
@Suite struct AuthenticationTests {
    @Test(arguments: [POP3AuthenticationMethod.userPass, .apop])
    func wrongPasswordIsRefusedWithTheServersWords(method: POP3AuthenticationMethod) throws {
        let server = try Dovecot.start()
        defer { server.stop() }
        let transcript = Support.Transcript()
        let client = try Support.connect(server, transcript: transcript)
        let error = #expect(throws: POP3Error.self) {
            try client.authenticate(user: "alice", password: "looking-glass", method: method)
        }
        guard case .authenticationFailed(server.host, server.pop3Port, "alice", let command, let reply) = error else {
            Issue.record("expected authenticationFailed, got \(String(describing: error))")
            return
        }
        #expect(command == (method == .apop ? "APOP alice <redacted>" : "PASS <redacted>"))
        #expect(reply.code == .authentication)
        #expect(reply.text.contains("Authentication failed"))
        #expect(error?.description.contains("Authentication failed") == true)
        #expect(error?.description.contains("looking-glass") == false)
        #expect(!transcript.text.contains("looking-glass"))
        #expect(!client.isOpen)
    }

    @Test func apopLogsInWithoutSendingThePassword() throws {
        let server = try Dovecot.start()
        defer { server.stop() }
        let transcript = Support.Transcript()
        let client = try Support.connect(server, transcript: transcript)
        try client.authenticate(user: "alice", password: "wonderland", method: .apop)
        #expect(try client.status().messageCount == 0)
        try client.quit()
        let sent = transcript.all.filter { $0.direction == .sent }.map(\.text)
        #expect(sent.contains("APOP alice <redacted>"))
        #expect(!sent.contains { $0.hasPrefix("USER") || $0.hasPrefix("PASS") })
    }

    @Test func automaticPrefersAPOPInClearAndUserPassInsideTLS() throws {
        let server = try Dovecot.start()
        defer { server.stop() }
        for (security, expected) in [(TransportSecurity.none, "APOP alice <redacted>"), (.implicitTLS, "PASS <redacted>")] {
            let transcript = Support.Transcript()
            let client = try Support.connect(server, security, transcript: transcript)
            try client.authenticate(user: "alice", password: "wonderland")
            try client.quit()
            #expect(transcript.all.contains(TranscriptLine(.sent, expected)), "\(security)")
        }
    }

    @Test func transcriptRedactsThePasswordAndSummarisesMessages() throws {
        let server = try Dovecot.start()
        defer { server.stop() }
        let message = try MailGemCorpus.message("plain_emails/basic_email.eml")
        try server.deliver(message, to: "alice")
        let transcript = Support.Transcript()
        let client = try Support.connect(server, transcript: transcript)
        try client.authenticate(user: "alice", password: "wonderland", method: .userPass)
        var buffer: [UInt8] = []
        let octets = try client.retrieve(1, maximumSize: 1 << 20, appendingTo: &buffer)
        try client.quit()

        let lines = transcript.all
        #expect(lines.contains(TranscriptLine(.sent, "USER alice")))
        #expect(lines.contains(TranscriptLine(.sent, "PASS <redacted>")))
        #expect(lines.contains(TranscriptLine(.received, "<\(octets) bytes>")))
        #expect(!transcript.text.contains("wonderland"))
        // No line of the message itself is in the transcript.
        let subject = try #require(String(decoding: message, as: UTF8.self).split(separator: "\r\n").first { $0.hasPrefix("Subject:") })
        #expect(!transcript.text.contains(subject))
    }

    @Test func lineBreakInThePasswordIsRefusedBeforeSending() throws {
        let server = try Dovecot.start()
        defer { server.stop() }
        let transcript = Support.Transcript()
        let client = try Support.connect(server, transcript: transcript)
        #expect(throws: POP3Error.unsendableCredential(host: server.host, port: server.pop3Port, user: "alice", field: "password")) {
            try client.authenticate(user: "alice", password: "wonder\r\nDELE 1", method: .userPass)
        }
        #expect(!transcript.all.contains { $0.direction == .sent && $0.text.hasPrefix("USER") })
    }
}
