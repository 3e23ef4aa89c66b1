@testable import IMAP
import Testing

/// Multi-message FETCH parsing against scripted responses.
@Suite struct ScriptedFetchTests {
    /// A FETCH response line for `uid` whose body is `body`, as a literal.
    static func fetched(_ sequence: Int, uid: Int, body: String, size: Int? = nil, flags: String = "") -> String {
        "* \(sequence) FETCH (UID \(uid) RFC822.SIZE \(size ?? body.utf8.count) FLAGS (\(flags)) BODY[] {\(body.utf8.count)}\r\n"
            + body + ")\r\n"
    }

    @Test func messagesAreHandedOverInOrderWithTheirLiterals() throws {
        let first = "Subject: one\r\n\r\nHello {5}\r\n)\r\n"
        let second = "Subject: two\r\n\r\n* 3 EXPUNGE\r\n"
        let script = Scripted.greeting()
            + Self.fetched(1, uid: 11, body: first, flags: "\\Seen")
            + "* 7 EXISTS\r\n"
            + "* 2 FETCH (FLAGS (\\Flagged) UID 12)\r\n"  // an unsolicited flag update
            + Self.fetched(2, uid: 12, body: second)
            + "A1 OK Fetch completed.\r\n"
        let (client, transport) = try Scripted.client(script)
        var buffer: [UInt8] = []
        var seen: [(UInt32, String, [String]?, Int?)] = []
        try client.fetch(IMAPUIDSet([11, 12]), items: [.size, .flags, .body], into: &buffer) { message in
            seen.append((message.uid, String(decoding: message.body ?? [], as: UTF8.self), message.flags, message.size))
            #expect(!message.sizeDisagrees)
        }
        #expect(transport.sentText == "A1 UID FETCH 11:12 (UID RFC822.SIZE FLAGS BODY.PEEK[])\r\n")
        #expect(seen.map(\.0) == [11, 12])
        #expect(seen.map(\.1) == [first, second])
        #expect(seen[0].2 == ["\\Seen"])
        #expect(seen[1].3 == second.utf8.count)
    }

    @Test func headerAndBodyShareTheBufferWithoutCopies() throws {
        let header = "From: a@b\r\n\r\n"
        let body = header + "text\r\n"
        let script = Scripted.greeting()
            + "* 1 FETCH (UID 4 BODY[HEADER] {\(header.utf8.count)}\r\n\(header) BODY[] {\(body.utf8.count)}\r\n\(body))\r\n"
            + "A1 OK done\r\n"
        let (client, _) = try Scripted.client(script)
        var buffer: [UInt8] = []
        var count = 0
        try client.fetch(IMAPUIDSet([4]), items: [.header, .body], into: &buffer) { message in
            count += 1
            #expect(message.header.map { String(decoding: $0, as: UTF8.self) } == header)
            #expect(message.body.map { String(decoding: $0, as: UTF8.self) } == body)
        }
        #expect(count == 1)
        #expect(buffer.count == header.utf8.count + body.utf8.count)
    }

    /// A message kept as an array after a larger one holds storage of its own
    /// size, not the buffer the larger one needed (which, shared with the last
    /// message kept, would be copied whole for each following message).
    @Test func aKeptMessageHoldsOnlyItsOwnBytes() throws {
        let large = "Subject: large\r\n\r\n" + String(repeating: "x", count: 1 << 20)
        let small = "Subject: small\r\n\r\nhi\r\n"
        let script = Scripted.greeting()
            + Self.fetched(1, uid: 1, body: large) + Self.fetched(2, uid: 2, body: small) + Self.fetched(3, uid: 3, body: small)
            + "A1 OK done\r\n"
        let (client, _) = try Scripted.client(script)
        var buffer: [UInt8] = []
        var kept: [[UInt8]] = []
        try client.fetch(IMAPUIDSet([1, 2, 3]), items: [.body], into: &buffer) { message in
            if let body = message.body { kept.append(Array(body)) }
        }
        #expect(kept.map(\.count) == [large.utf8.count, small.utf8.count, small.utf8.count])
        #expect(kept[1].capacity < 4096 && kept[2].capacity < 4096)
        #expect(kept.map { String(decoding: $0, as: UTF8.self) } == [large, small, small])
    }

    @Test func quotedAndNilSectionsAreUnderstood() throws {
        let script = Scripted.greeting()
            + "* 1 FETCH (UID 5 BODY[] \"a \\\"quoted\\\" body\")\r\n"
            + "* 2 FETCH (UID 6 BODY[] NIL)\r\n"
            + "A1 OK done\r\n"
        let (client, _) = try Scripted.client(script)
        var buffer: [UInt8] = []
        var bodies: [UInt32: String] = [:]
        try client.fetch(IMAPUIDSet([5, 6]), items: [.body], into: &buffer) { message in
            bodies[message.uid] = String(decoding: message.body ?? [], as: UTF8.self)
        }
        #expect(bodies == [5: "a \"quoted\" body"])
    }

    @Test func unknownItemsWithNestedListsAndLiteralsAreSkipped() throws {
        let script = Scripted.greeting()
            + "* 1 FETCH (ENVELOPE (\"date\" {3+}\r\nabc (NIL \"x\" (\"y\")) NIL) UID 9 X-GM-LABELS (\\Inbox) RFC822.SIZE 42)\r\n"
            + "A1 OK done\r\n"
        let (client, _) = try Scripted.client(script)
        var buffer: [UInt8] = []
        var sizes: [UInt32: Int] = [:]
        try client.fetch(IMAPUIDSet([9]), items: [.size], into: &buffer) { sizes[$0.uid] = $0.size }
        #expect(sizes == [9: 42])
    }

    @Test func aLiteralLargerThanTheAnnouncedSizeIsReported() throws {
        let script = Scripted.greeting()
            + Self.fetched(1, uid: 1, body: "0123456789", size: 4)
            + Self.fetched(2, uid: 2, body: "fine")
            + "A1 OK done\r\n"
        let (client, _) = try Scripted.client(script)
        var buffer: [UInt8] = []
        var disagreeing: [UInt32: Bool] = [:]
        try client.fetch(IMAPUIDSet([1, 2]), items: [.size, .body], into: &buffer) { disagreeing[$0.uid] = $0.sizeDisagrees }
        #expect(disagreeing == [1: true, 2: false])
    }

    @Test func aLiteralOverTheLimitEndsTheConnectionBeforeItIsRead() throws {
        let script = Scripted.greeting() + "* 1 FETCH (UID 3 BODY[] {4000000000}\r\nxxxx"
        let (client, transport) = try Scripted.client(script) { $0.maximumLiteralSize = 1 << 20 }
        var buffer: [UInt8] = []
        #expect(throws: IMAPError.literalTooLarge(host: "imap.test", port: 143, uid: 3, size: 4_000_000_000, limit: 1 << 20)) {
            try client.fetch(IMAPUIDSet([3]), items: [.body], into: &buffer) { _ in Issue.record("handed over") }
        }
        #expect(buffer.isEmpty)
        #expect(transport.closed)
    }

    @Test func contentWithoutUIDIsAProtocolViolation() throws {
        let script = Scripted.greeting() + "* 1 FETCH (BODY[] {2}\r\nab)\r\nA1 OK done\r\n"
        let (client, _) = try Scripted.client(script)
        var buffer: [UInt8] = []
        #expect(throws: IMAPError.self) { try client.fetch(IMAPUIDSet([1]), items: [.body], into: &buffer) { _ in } }
    }

    @Test func malformedResponsesAreViolationsNamingTheLine() throws {
        for bad in ["* 1 FETCH UID 3)", "* 1 FETCH (UID 99999999999)", "* 1 FETCH (BODY[] \"open", "* 1 FETCH (UID 1 BODY[] {3} x)"] {
            let (client, _) = try Scripted.client(Scripted.greeting() + bad + "\r\nA1 OK\r\n")
            var buffer: [UInt8] = []
            do {
                try client.fetch(IMAPUIDSet([1]), items: [.body], into: &buffer) { _ in }
                Issue.record("accepted \(bad)")
            } catch {
                guard case .protocolViolation(_, _, let detail) = error else {
                    Issue.record("\(error)")
                    continue
                }
                #expect(detail.contains(bad))
            }
        }
    }

    @Test func responsesForUIDsOutsideTheSetAreNotHandedOver() throws {
        // `UID FETCH 5:*` always answers for the highest UID, even below 5.
        let script = Scripted.greeting() + Self.fetched(1, uid: 3, body: "old") + "A1 OK done\r\n"
        let (client, _) = try Scripted.client(script)
        var buffer: [UInt8] = []
        try client.fetch(IMAPUIDSet.from(5), items: [.body], into: &buffer) { _ in Issue.record("handed over") }
    }

    @Test func theTranscriptSummarisesLiteralsInsteadOfShowingThem() throws {
        let recorder = TranscriptRecorder()
        let body = "Subject: private\r\n\r\nsecret customer data\r\n"
        let script = Scripted.greeting() + Self.fetched(1, uid: 8, body: body) + "A1 OK done\r\n"
        let (client, _) = try Scripted.client(script) { $0.transcript = recorder.record }
        var buffer: [UInt8] = []
        try client.fetch(IMAPUIDSet([8]), items: [.size, .flags, .body], into: &buffer) { _ in }
        #expect(recorder.text.contains("S: <\(body.utf8.count) bytes>"))
        #expect(recorder.text.contains("C: A1 UID FETCH 8 (UID RFC822.SIZE FLAGS BODY.PEEK[])"))
        #expect(!recorder.text.contains("customer"))
    }
}
