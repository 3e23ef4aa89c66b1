import DovecotHarness
import IMAP
import Network
import Testing

/// Fetching real messages from a real Dovecot.
@Suite struct LiveFetchTests {
    @Test(arguments: [TransportSecurity.none, .implicitTLS])
    func fetchedBodiesAreByteEqualToTheDeliveredCorpus(security: TransportSecurity) throws {
        #expect(Live.corpus.count > 100)
        let dovecot = try Dovecot.start()
        try Live.deliver(Live.corpus, to: dovecot)
        let recorder = TranscriptRecorder()
        let client = try Live.session(dovecot, security) { $0.transcript = recorder.record }
        #expect(try client.select(.inbox).exists == Live.corpus.count)
        let uids = try client.search(.all)
        var buffer: [UInt8] = []
        var bodies: [[UInt8]] = []
        var fetchedUIDs: [UInt32] = []
        try client.fetch(IMAPUIDSet(uids), items: [.size, .body], into: &buffer) { message in
            fetchedUIDs.append(message.uid)
            bodies.append(Array(message.body ?? []))
            #expect(message.size == message.body?.count)
        }
        #expect(fetchedUIDs == uids)
        let order: ([UInt8], [UInt8]) -> Bool = { $0.lexicographicallyPrecedes($1) }
        #expect(bodies.sorted(by: order) == Live.corpus.sorted(by: order))
        // One command for every message.
        #expect(recorder.text.components(separatedBy: "UID FETCH").count == 2)
    }

    @Test func headerSectionsAreTheMessagesHeaders() throws {
        let dovecot = try Dovecot.start()
        let messages = Live.corpus.filter { Live.headerSection($0) != nil }
        #expect(messages.count > 90)
        try Live.deliver(messages, to: dovecot)
        let client = try Live.session(dovecot)
        _ = try client.select(.inbox)
        var buffer: [UInt8] = []
        var count = 0
        try client.fetch(.from(1), items: [.header, .body], into: &buffer) { message in
            count += 1
            #expect(message.header.map(Array.init) == message.body.flatMap { Live.headerSection(Array($0)) })
        }
        #expect(count == messages.count)
        var headers: [[UInt8]] = []
        try client.fetch(.from(1), items: [.header], into: &buffer) { headers.append(Array($0.header ?? [])) }
        #expect(Set(headers) == Set(messages.compactMap(Live.headerSection)))
    }

    @Test func fetchingLeavesSeenAloneAndStoreSetsIt() throws {
        let dovecot = try Dovecot.start()
        try Live.deliver(Array(Live.corpus.prefix(3)), to: dovecot)
        let client = try Live.session(dovecot)
        _ = try client.select(.inbox)
        var buffer: [UInt8] = []
        try client.fetch(IMAPUIDSet([1, 2, 3]), items: [.body, .header], into: &buffer) { _ in }
        var flags: [UInt32: [String]] = [:]
        try client.fetch(IMAPUIDSet([1, 2, 3]), items: [.flags], into: &buffer) { flags[$0.uid] = $0.flags }
        #expect(flags.count == 3)
        #expect(!flags.values.contains { IMAPFlag.seen.isIn($0) })
        #expect(try client.search(.unseen) == [1, 2, 3])

        try client.addFlags([.seen], to: IMAPUIDSet([2]))
        #expect(try client.search(.unseen) == [1, 3])
        try client.fetch(IMAPUIDSet([2]), items: [.flags], into: &buffer) { flags[$0.uid] = $0.flags }
        #expect(flags[2].map { IMAPFlag.seen.isIn($0) } == true)
    }
}
