@testable import IMAP
import Network
import TLS
import Testing

/// Greeting, STARTTLS, capabilities and logging in, against scripted servers.
@Suite struct ScriptedSessionTests {
    static let tls = try! TLSContext(configuration: .client())

    @Test func greetingCapabilitiesAreUsedWithoutAsking() throws {
        let (client, transport) = try Scripted.client(Scripted.greeting())
        #expect(client.capabilities.offersMove)
        #expect(client.capabilities.contains("imap4rev1"))
        #expect(transport.sent.isEmpty)
    }

    @Test func capabilitiesAreAskedWhenTheGreetingHasNone() throws {
        let (client, transport) = try Scripted.client(
            Scripted.lines("* OK hello", "* CAPABILITY IMAP4rev1 UIDPLUS", "A1 OK done"))
        #expect(transport.sentText == "A1 CAPABILITY\r\n")
        #expect(client.capabilities.offersUIDPlus)
        #expect(!client.capabilities.offersMove)
    }

    @Test func startTLSForgetsCapabilitiesLearntInTheClear() throws {
        let script = Scripted.lines(
            "* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] hi",
            "A1 OK [CAPABILITY IMAP4rev1 INJECTED] Begin TLS",
            "* CAPABILITY IMAP4rev1 AUTH=PLAIN",
            "A2 OK done")
        let (client, transport) = try Scripted.client(script, security: .startTLSRequired) { $0.tls = Self.tls }
        #expect(transport.isEncrypted)
        #expect(transport.sentText == "A1 STARTTLS\r\nA2 CAPABILITY\r\n")
        #expect(client.capabilities == IMAPCapabilities(["IMAP4rev1", "AUTH=PLAIN"]))
    }

    @Test func startTLSFallsBackToPlainOnlyWhenNotRequired() throws {
        let script = Scripted.greeting("IMAP4rev1 AUTH=PLAIN")
        let (client, transport) = try Scripted.client(script, security: .startTLS) { $0.tls = Self.tls }
        #expect(!client.isEncrypted)
        #expect(transport.sent.isEmpty)

        let strict = ScriptedTransport(script)
        var configuration = IMAPConfiguration(host: "imap.test", security: .startTLSRequired, tls: Self.tls)
        configuration.authentication = .login
        let refused = IMAPClient(transport: strict, configuration: configuration)
        #expect(throws: IMAPError.startTLSNotOffered(host: "imap.test", port: 143)) { try refused.start() }
        #expect(strict.closed)
        #expect(strict.sent.isEmpty)
    }

    @Test func preauthGreetingCannotSatisfyStartTLSRequired() {
        let transport = ScriptedTransport("* PREAUTH [CAPABILITY IMAP4rev1 STARTTLS] welcome\r\n")
        let client = IMAPClient(
            transport: transport, configuration: IMAPConfiguration(host: "x", security: .startTLSRequired, tls: Self.tls))
        #expect(throws: IMAPError.startTLSNotOffered(host: "imap.test", port: 143)) { try client.start() }
    }

    @Test func refusedStartTLSIsAnErrorWithTheServersText() {
        let transport = ScriptedTransport(
            Scripted.lines("* OK [CAPABILITY IMAP4rev1 STARTTLS] hi", "A1 NO TLS is broken today"))
        let client = IMAPClient(
            transport: transport, configuration: IMAPConfiguration(host: "x", security: .startTLS, tls: Self.tls))
        #expect(throws: IMAPError.startTLSRefused(host: "imap.test", port: 143, text: "TLS is broken today")) {
            try client.start()
        }
    }

    @Test func byeGreetingIsRejected() {
        let client = IMAPClient(transport: ScriptedTransport("* BYE too busy\r\n"), configuration: IMAPConfiguration(host: "x", security: .none))
        #expect(throws: IMAPError.greetingRejected(host: "imap.test", port: 143, text: "too busy")) { try client.start() }
    }

    @Test func loginQuotesSpecialCharactersAndRedactsThePassword() throws {
        let recorder = TranscriptRecorder()
        let script = Scripted.greeting("IMAP4rev1") + Scripted.lines("A1 OK [CAPABILITY IMAP4rev1 MOVE] Logged in")
        let (client, transport) = try Scripted.client(script) { $0.transcript = recorder.record }
        try client.login(user: "alice", password: #"se"cr\et"#)
        #expect(transport.sentText == #"A1 LOGIN "alice" "se\"cr\\et""# + "\r\n")
        #expect(client.capabilities.offersMove)
        #expect(recorder.text.contains(#"C: A1 LOGIN "alice" <redacted>"#))
        #expect(!recorder.text.contains(#"cr\"#))
    }

    @Test func eightBitPasswordsGoAsSynchronizingLiterals() throws {
        let recorder = TranscriptRecorder()
        let script = Scripted.greeting("IMAP4rev1") + Scripted.lines("+ go ahead", "A1 OK Logged in", "* CAPABILITY IMAP4rev1", "A2 OK done")
        let (client, transport) = try Scripted.client(script) {
            $0.transcript = recorder.record
            $0.authentication = .login
        }
        try client.login(user: "alice", password: "wünderland")
        #expect(transport.sentText == "A1 LOGIN \"alice\" {11}\r\nwünderland\r\nA2 CAPABILITY\r\n")
        #expect(!recorder.text.contains("nderland"))
        #expect(!recorder.text.contains("{11}"))
    }

    @Test func authenticatePlainSendsTheInitialResponseWhenOffered() throws {
        let recorder = TranscriptRecorder()
        let script = Scripted.greeting() + Scripted.lines("A1 OK [CAPABILITY IMAP4rev1] Logged in")
        let (client, transport) = try Scripted.client(script) { $0.transcript = recorder.record }
        try client.login(user: "alice", password: "wonderland")
        #expect(transport.sentText == "A1 AUTHENTICATE PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=\r\n")
        #expect(recorder.text.contains("C: A1 AUTHENTICATE PLAIN <redacted>"))
        #expect(!recorder.text.contains("AGFsaWNl"))
    }

    @Test func authenticatePlainWaitsForTheContinuationWithoutSASLIR() throws {
        let recorder = TranscriptRecorder()
        let script = Scripted.greeting("IMAP4rev1 AUTH=PLAIN") + Scripted.lines("+ ", "A1 OK [CAPABILITY IMAP4rev1] ok")
        let (client, transport) = try Scripted.client(script) { $0.transcript = recorder.record }
        try client.login(user: "alice", password: "wonderland")
        #expect(transport.sentText == "A1 AUTHENTICATE PLAIN\r\nAGFsaWNlAHdvbmRlcmxhbmQ=\r\n")
        #expect(recorder.text.contains("C: <redacted>"))
        #expect(!recorder.text.contains("AGFsaWNl"))
    }

    @Test func loginDisabledIsRespectedBeforeAnySecretIsSent() throws {
        let (client, transport) = try Scripted.client(Scripted.greeting("IMAP4rev1 LOGINDISABLED"))
        #expect(throws: IMAPError.self) { try client.login(user: "alice", password: "wonderland") }
        #expect(transport.sent.isEmpty)
        let (plain, _) = try Scripted.client(Scripted.greeting("IMAP4rev1")) { $0.authentication = .plain }
        #expect(throws: IMAPError.self) { try plain.login(user: "alice", password: "wonderland") }
    }

    @Test func wrongPasswordCarriesTheServersTextButNotThePassword() throws {
        let script = Scripted.greeting() + Scripted.lines("A1 NO [AUTHENTICATIONFAILED] Authentication failed.")
        let (client, _) = try Scripted.client(script)
        do {
            try client.login(user: "alice", password: "hunter2")
            Issue.record("login succeeded")
        } catch {
            #expect(error == .authenticationFailed(
                host: "imap.test", port: 143, user: "alice", text: "[AUTHENTICATIONFAILED] Authentication failed."))
            #expect(!error.description.contains("hunter2"))
        }
    }

    @Test func byeThenCloseIsReportedWithTheServersText() throws {
        let script = Scripted.greeting() + Scripted.lines("* BYE shutting down for maintenance")
        let (client, transport) = try Scripted.client(script)
        #expect(throws: IMAPError.closedByServer(host: "imap.test", port: 143, text: "shutting down for maintenance")) {
            _ = try client.search(.all)
        }
        #expect(transport.closed)
        #expect(throws: IMAPError.notConnected(host: "imap.test", port: 143)) { _ = try client.search(.all) }
    }

    @Test func logoutToleratesAServerThatClosesAfterBye() throws {
        let (client, transport) = try Scripted.client(Scripted.greeting() + Scripted.lines("* BYE bye"))
        try client.logout()
        #expect(transport.sentText == "A1 LOGOUT\r\n")
        #expect(transport.closed)
    }
}
