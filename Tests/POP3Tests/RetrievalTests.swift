import DovecotHarness
import POP3
import Testing

/// RETR and TOP against a real Dovecot with real corpus messages.
@Suite struct RetrievalTests {
    /// Messages with lines starting with ".", LF-only line ends, and last lines without a line end.
    static let awkward = [
        "error_emails/empty_group_lists.eml", "mime_emails/two_from_in_message.eml",
        "multipart_report_emails/report_422.eml", "plain_emails/basic_email_lf.eml",
        "plain_emails/raw_email_trailing_dot.eml", "attachment_emails/attachment_pdf.eml",
    ]

    @Test func retrievedBytesAreWhatWasDelivered() throws {
        let server = try Dovecot.start()
        defer { server.stop() }
        let delivered = try Self.awkward.map(MailGemCorpus.message)
        for message in delivered { try server.deliver(message, to: "alice") }
        let client = try Support.login(server)
        var retrieved: [[UInt8]] = []
        for number in 1...delivered.count {
            var buffer: [UInt8] = []
            let octets = try client.retrieve(number, maximumSize: 1 << 20, appendingTo: &buffer)
            #expect(octets == buffer.count)
            retrieved.append(buffer)
        }
        try client.quit()
        // Dovecot numbers messages in its own order: each retrieved one must be one delivered, once.
        var expected = delivered.map(Support.onTheWire)
        for (index, message) in retrieved.enumerated() {
            let match = expected.firstIndex(of: message)
            #expect(match != nil, "message \(index + 1) (\(message.count) bytes) differs from every message delivered")
            if let match { expected.remove(at: match) }
        }
        #expect(expected.isEmpty)
    }

    @Test func pipelinedRetrievalGivesEveryMessageInTheOrderAsked() throws {
        let server = try Dovecot.start()
        defer { server.stop() }
        // Every corpus message, tagged so each retrieval can be told apart.
        var delivered: [String: [UInt8]] = [:]
        for (index, name) in Support.corpusNames().enumerated() {
            let message = Array("X-Sequence: \(index)\r\n".utf8) + (try MailGemCorpus.message(name))
            delivered["X-Sequence: \(index)"] = Support.onTheWire(message)
            try server.deliver(message, to: "alice")
        }
        let transcript = Support.Transcript()
        // A shallow pipeline, so the 103 messages take several windows.
        let client = try Support.login(server, limits: POP3Limits(pipelineDepth: 16), transcript: transcript)
        #expect(client.capabilities.offersPipelining)
        let sizes = Dictionary(uniqueKeysWithValues: try client.list().map { ($0.number, $0.size) })
        let asked = Array(sizes.keys.sorted().reversed())
        #expect(asked.count == delivered.count)

        let before = transcript.all.count
        try client.beginRetrieval(of: asked, maximumSize: 1 << 20)
        var buffer: [UInt8] = []
        var order: [Int] = []
        var seen: Set<String> = []
        while let retrieval = try client.nextRetrieval(appendingTo: &buffer) {
            order.append(retrieval.number)
            let tag = String(decoding: buffer.prefix { $0 != 13 }, as: UTF8.self)
            let same = buffer == delivered[tag]
            #expect(same, "message \(retrieval.number) (\(tag)) differs from what was delivered")
            #expect(retrieval.outcome == .retrieved(octets: buffer.count))
            seen.insert(tag)
            buffer.removeAll(keepingCapacity: true)
        }
        try client.quit()
        #expect(order == asked)
        #expect(seen.count == delivered.count)
        // Pipelined: 16 RETRs went out before the first reply came back, then 8 more
        // each time 8 were answered; never more than 16 unanswered.
        let exchange = transcript.all[before...].prefix { $0.text != "QUIT" }
        #expect(exchange.prefix { $0.direction == .sent }.count == 16)
        #expect(exchange.filter { $0.direction == .sent }.count == asked.count)
        var unanswered = 0
        var most = 0
        for line in exchange where line.direction == .sent || line.text.hasPrefix("+OK") {
            unanswered += line.direction == .sent ? 1 : -1
            most = max(most, unanswered)
        }
        #expect(most == 16 && unanswered == 0)
    }

    @Test func topGivesTheHeaderOnly() throws {
        let server = try Dovecot.start()
        defer { server.stop() }
        let message = try MailGemCorpus.message("attachment_emails/attachment_pdf.eml")
        try server.deliver(message, to: "alice")
        let client = try Support.login(server)
        var header: [UInt8] = []
        let octets = try client.retrieve(1, part: .header, maximumSize: 1 << 20, appendingTo: &header)
        try client.quit()
        let wire = Support.onTheWire(message)
        let end = try #require(wire.indices.first { wire[$0...].starts(with: [13, 10, 13, 10]) })
        let same = header == Array(wire[..<(end + 4)])
        #expect(same, "TOP gave \(header.count) bytes, not the \(end + 4) of the header section")
        #expect(octets == header.count)
        #expect(octets < message.count / 2)
    }

    @Test func oversizedMessageIsSkippedAndTheSessionGoesOn() throws {
        let server = try Dovecot.start()
        defer { server.stop() }
        let small = try MailGemCorpus.message("plain_emails/basic_email.eml")
        let large = try MailGemCorpus.message("attachment_emails/attachment_pdf.eml")
        for message in [small, large, small] { try server.deliver(message, to: "alice") }
        let client = try Support.login(server)
        let limit = Support.onTheWire(small).count + 10
        try client.beginRetrieval(of: [1, 2, 3], maximumSize: limit)
        var buffer: [UInt8] = []
        var outcomes: [POP3Retrieval.Outcome] = []
        while let retrieval = try client.nextRetrieval(appendingTo: &buffer) { outcomes.append(retrieval.outcome) }
        #expect(outcomes.filter { $0 == .tooLarge(limit: limit) }.count == 1)
        #expect(outcomes.filter { $0 == .retrieved(octets: Support.onTheWire(small).count) }.count == 2)
        let same = buffer == Support.onTheWire(small) + Support.onTheWire(small)
        #expect(same, "the buffer holds \(buffer.count) bytes, not the small message twice")
        try client.noop()
        try client.quit()
    }

    @Test func unfinishedBatchIsSettledBeforeTheNextCommand() throws {
        let server = try Dovecot.start()
        defer { server.stop() }
        for name in Self.awkward { try server.deliver(MailGemCorpus.message(name), to: "alice") }
        let client = try Support.login(server)
        try client.beginRetrieval(of: Array(1...Self.awkward.count), maximumSize: 1 << 20)
        var buffer: [UInt8] = []
        #expect(try client.nextRetrieval(appendingTo: &buffer)?.number == 1)
        // Every RETR is in flight; UIDL must still get its own reply, not a message.
        let ids = try client.uniqueIDs()
        #expect(ids.map(\.number) == Array(1...Self.awkward.count))
        #expect(try client.nextRetrieval(appendingTo: &buffer) == nil)
        try client.quit()
    }

    @Test func refusedRetrievalKeepsTheSession() throws {
        let server = try Dovecot.start()
        defer { server.stop() }
        let client = try Support.login(server)
        var buffer: [UInt8] = []
        let error = #expect(throws: POP3Error.self) { try client.retrieve(7, maximumSize: 1000, appendingTo: &buffer) }
        guard case .commandRefused(server.host, server.pop3Port, "RETR 7", let reply) = error else {
            Issue.record("expected commandRefused, got \(String(describing: error))")
            return
        }
        #expect(!reply.text.isEmpty)
        #expect(error?.leavesSessionUsable == true)
        try client.noop()
        try client.quit()
    }
}
