import DovecotHarness
import Network
import POP3
import TLS
import Testing

/// A server whose LIST lies about sizes, and whose messages are larger than
/// the client allows: the client must bound what it reads and stay in step.
@Suite struct LyingServerTests {
    /// A message of `lines` lines of 99 characters plus CRLF, one of them 200,000 characters without a break.
    static let oversized: String = {
        let line = String(repeating: "x", count: 99) + "\r\n"
        return "Subject: big\r\n\r\n" + String(repeating: line, count: 40) + String(repeating: "y", count: 200_000)
            + "\r\n" + String(repeating: line, count: 10)
    }()
    static let stuffed = "Subject: dots\r\n\r\n..leading dot\r\n...\r\nend\r\n"

    static func answer(_ line: String, _ peer: ScriptedServer.Peer) -> String? {
        switch line {
        case "LIST": return "+OK 4 messages\r\n1 100\r\n2 -5\r\n3 many\r\n4\r\n.\r\n"
        case "RETR 1": return "+OK\r\n" + oversized + ".\r\n"
        case "RETR 2", "RETR 3": return "+OK\r\n" + stuffed + ".\r\n"
        case "RETR 4": return "-ERR [SYS/TEMP] message 4 is being written\r\n"
        default: return ScriptedPOP3.basics(line, capabilities: ["USER", "PIPELINING", "UIDL"])
        }
    }

    func login(_ fake: ScriptedPOP3, limits: POP3Limits = POP3Limits()) throws -> POP3Client {
        let client = try POP3Client.connect(
            host: "127.0.0.1", port: fake.port, security: .none, tls: TLSContext(), timeouts: Support.timeouts,
            limits: limits)
        try client.authenticate(user: "alice", password: "wonderland")
        return client
    }

    @Test func badSizesAreUnknown() throws {
        let fake = try ScriptedPOP3(answer: Self.answer)
        let listing = try login(fake).list()
        #expect(listing.map(\.number) == [1, 2, 3, 4])
        #expect(listing.map(\.size) == [100, nil, nil, nil])
        #expect(listing.map(\.sizeText) == ["100", "-5", "many", ""])
    }

    @Test func oversizedMessageIsSkippedAndTheBatchGoesOn() throws {
        let fake = try ScriptedPOP3(answer: Self.answer)
        let client = try login(fake)
        var buffer: [UInt8] = []
        var outcomes: [POP3Retrieval] = []
        var contents: [String] = []
        try client.beginRetrieval(of: [1, 2, 3, 4], maximumSize: 1000)
        while let retrieval = try client.nextRetrieval(appendingTo: &buffer) {
            outcomes.append(retrieval)
            contents.append(String(decoding: buffer, as: UTF8.self))
            buffer.removeAll()
        }
        let unstuffed = "Subject: dots\r\n\r\n.leading dot\r\n..\r\nend\r\n"
        #expect(outcomes.map(\.number) == [1, 2, 3, 4])
        #expect(outcomes[0].outcome == .tooLarge(limit: 1000))
        #expect(outcomes[1].outcome == .retrieved(octets: unstuffed.utf8.count))
        #expect(contents == ["", unstuffed, unstuffed, ""])
        guard case .refused(let reply) = outcomes[3].outcome else {
            Issue.record("expected message 4 refused, got \(outcomes[3])")
            return
        }
        #expect(reply.code == .temporarySystemError && reply.text == "message 4 is being written")
        try client.noop()
        try client.quit()
    }

    @Test func singleOversizedRetrievalThrowsAndKeepsTheSession() throws {
        let fake = try ScriptedPOP3(answer: Self.answer)
        let client = try login(fake)
        var buffer: [UInt8] = Array("kept".utf8)
        let error = #expect(throws: POP3Error.self) { try client.retrieve(1, maximumSize: 5000, appendingTo: &buffer) }
        #expect(error == .messageTooLarge(host: "127.0.0.1", port: fake.port, message: 1, limit: 5000, connectionKept: true))
        #expect(error?.leavesSessionUsable == true)
        #expect(buffer == Array("kept".utf8))
        #expect(try client.retrieve(2, maximumSize: 5000, appendingTo: &buffer) == 40)
        #expect(buffer.count == 44)
        #expect(try client.retrieve(3, maximumSize: .max, appendingTo: &buffer) == 40)
    }

    @Test func endlessMessageDropsTheConnectionAtTheDiscardLimit() throws {
        let fake = try ScriptedPOP3 { line, peer in
            guard line == "RETR 1" else { return ScriptedPOP3.basics(line, capabilities: ["USER"]) }
            try peer.send("+OK\r\n")
            let chunk = String(repeating: String(repeating: "z", count: 78) + "\r\n", count: 800)
            for _ in 0..<200 { try peer.send(chunk) }  // 12.8 MB, far past the client's limits; ends when the client closes
            return ".\r\n"
        }
        let client = try login(fake, limits: POP3Limits(discardLimit: 100_000))
        var buffer: [UInt8] = []
        let error = #expect(throws: POP3Error.self) { try client.retrieve(1, maximumSize: 10_000, appendingTo: &buffer) }
        #expect(error == .messageTooLarge(host: "127.0.0.1", port: fake.port, message: 1, limit: 10_000, connectionKept: false))
        #expect(!client.isOpen)
        #expect(buffer.isEmpty)
    }
}
