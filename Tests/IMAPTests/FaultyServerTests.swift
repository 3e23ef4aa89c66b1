import DovecotHarness
import IMAP
import Network
import Synchronization
import TLS
import Testing

/// Servers that misbehave in ways Dovecot cannot be made to: stripping
/// STARTTLS, falling silent, lying about sizes.
@Suite struct FaultyServerTests {
    /// The lines a scripted server heard, shared with its connection thread.
    final class Heard: Sendable {
        private let storage = Mutex<[String]>([])
        func append(_ line: String) { storage.withLock { $0.append(line) } }
        var lines: [String] { storage.withLock { $0 } }
    }

    static func configuration(_ server: ScriptedServer, _ security: TransportSecurity = .none) throws -> IMAPConfiguration {
        IMAPConfiguration(
            host: server.host, port: server.port, security: security, tls: try TLSContext(configuration: .client()),
            timeouts: ConnectionTimeouts(connect: .seconds(1), protocol: .seconds(1)))
    }

    /// Answers CAPABILITY with `capabilities` and every FETCH with `fetchReply`, recording what it hears.
    static func server(greeting: String, capabilities: String = "IMAP4rev1 AUTH=PLAIN SASL-IR", fetchReply: String = "", heard: Heard = Heard())
        throws -> ScriptedServer
    {
        try ScriptedServer { peer in
            try peer.send(greeting + "\r\n")
            while let line = try peer.readLine() {
                heard.append(line)
                let tag = line.split(separator: " ").first.map(String.init) ?? "*"
                if line.hasSuffix(" CAPABILITY") {
                    try peer.send("* CAPABILITY \(capabilities)\r\n\(tag) OK done\r\n")
                } else if line.contains(" UID FETCH ") {
                    try peer.send(fetchReply + "\(tag) OK done\r\n")
                } else {
                    try peer.send("\(tag) OK done\r\n")
                }
            }
        }
    }

    @Test(arguments: [
        "* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR] STARTTLS stripped from the greeting",
        "* OK no capabilities in the greeting, and none with STARTTLS on request",
    ])
    func strippedStartTLSCannotDowngradeStartTLSRequired(greeting: String) throws {
        let heard = Heard()
        let server = try Self.server(greeting: greeting, heard: heard)
        #expect(throws: IMAPError.startTLSNotOffered(host: server.host, port: server.port)) {
            _ = try IMAPClient.connect(Self.configuration(server, .startTLSRequired))
        }
        #expect(server.waitUntilIdle())
        #expect(heard.lines.allSatisfy { $0 == "A1 CAPABILITY" })
        // Optional STARTTLS stays plain against the same server, as configured.
        let plain = try IMAPClient.connect(Self.configuration(server, .startTLS))
        #expect(!plain.isEncrypted)
    }

    @Test func aServerThatStopsAnsweringTimesOut() throws {
        let server = try ScriptedServer { peer in
            try peer.send("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR] hello\r\n")
            peer.ignoreUntilClosed(limit: .seconds(20))
        }
        let client = try IMAPClient.connect(Self.configuration(server))
        let timedOut = IMAPError.network(
            .timedOut(host: server.host, port: server.port, waitingFor: "server reply", after: .seconds(1)))
        #expect(throws: timedOut) { try client.login(user: "alice", password: "wonderland") }
        #expect(throws: IMAPError.notConnected(host: server.host, port: server.port)) { _ = try client.select(.inbox) }
    }

    @Test func aServerThatNeverGreetsTimesOut() throws {
        let server = try ScriptedServer { peer in peer.ignoreUntilClosed(limit: .seconds(20)) }
        let timedOut = IMAPError.network(
            .timedOut(host: server.host, port: server.port, waitingFor: "server reply", after: .seconds(1)))
        #expect(throws: timedOut) { _ = try IMAPClient.connect(Self.configuration(server)) }
    }

    @Test func aLiteralLargerThanTheAnnouncedSizeIsFlaggedAndTheRestStillComes() throws {
        let big = String(repeating: "x", count: 50_000)
        let reply = "* 1 FETCH (UID 1 RFC822.SIZE 100 BODY[] {50000}\r\n\(big))\r\n"
            + "* 2 FETCH (UID 2 RFC822.SIZE 3 BODY[] {3}\r\nabc)\r\n"
        let server = try Self.server(greeting: "* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR] hi", fetchReply: reply)
        let client = try IMAPClient.connect(Self.configuration(server))
        var buffer: [UInt8] = []
        var seen: [UInt32: (Int?, Bool)] = [:]
        try client.fetch(IMAPUIDSet([1, 2]), items: [.size, .body], into: &buffer) { message in
            seen[message.uid] = (message.body?.count, message.sizeDisagrees)
        }
        #expect(seen[1]?.0 == 50_000 && seen[1]?.1 == true)
        #expect(seen[2]?.0 == 3 && seen[2]?.1 == false)
    }

    @Test func aLiteralOverTheLimitEndsTheFetchWithoutBeingRead() throws {
        let reply = "* 1 FETCH (UID 7 RFC822.SIZE 10 BODY[] {2000000000}\r\n" + String(repeating: "y", count: 100_000)
        let server = try Self.server(greeting: "* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR] hi", fetchReply: reply)
        var configuration = try Self.configuration(server)
        configuration.maximumLiteralSize = 1 << 20
        let client = try IMAPClient.connect(configuration)
        var buffer: [UInt8] = []
        let refused = IMAPError.literalTooLarge(host: server.host, port: server.port, uid: 7, size: 2_000_000_000, limit: 1 << 20)
        #expect(throws: refused) {
            try client.fetch(IMAPUIDSet([7]), items: [.size, .body], into: &buffer) { _ in Issue.record("handed over") }
        }
        #expect(buffer.isEmpty)
        #expect(throws: IMAPError.notConnected(host: server.host, port: server.port)) { _ = try client.search(.all) }
    }
}
