import DovecotHarness
import POP3
import Testing

/// STAT, LIST, UIDL, DELE, RSET and QUIT against a real Dovecot.
@Suite struct MaildropTests {
    static let names = ["plain_emails/basic_email.eml", "plain_emails/raw_email5.eml", "mime_emails/two_from_in_message.eml"]

    func serverWithMessages() throws -> Dovecot {
        let server = try Dovecot.start()
        for name in Self.names { try server.deliver(MailGemCorpus.message(name), to: "alice") }
        return server
    }

    @Test func statAndListAgree() throws {
        let server = try serverWithMessages()
        defer { server.stop() }
        let client = try Support.login(server)
        let status = try client.status()
        let listing = try client.list()
        try client.quit()
        #expect(status.messageCount == Self.names.count)
        #expect(listing.map(\.number) == Array(1...Self.names.count))
        #expect(listing.compactMap(\.size).reduce(0, +) == status.totalOctets)
    }

    @Test func uniqueIDsAreStableAcrossSessions() throws {
        let server = try serverWithMessages()
        defer { server.stop() }
        let first = try Support.login(server)
        let before = try first.uniqueIDs()
        #expect(try first.delete([1]).isEmpty)
        try first.quit()
        let second = try Support.login(server)
        let after = try second.uniqueIDs()
        try second.quit()
        #expect(before.count == 3 && Set(before.map(\.id)).count == 3)
        // The survivors keep their ids; their numbers moved down by one.
        #expect(after.map(\.id) == before.dropFirst().map(\.id))
        #expect(after.map(\.number) == [1, 2])
    }

    @Test func deleteAndQuitRemoves() throws {
        let server = try serverWithMessages()
        defer { server.stop() }
        let client = try Support.login(server)
        #expect(try client.delete([1, 3]).isEmpty)
        try client.quit()
        #expect(try server.messageCount(of: "alice") == 1)
    }

    @Test func deleteWithoutQuitKeepsEverything() throws {
        let server = try serverWithMessages()
        defer { server.stop() }
        let client = try Support.login(server)
        #expect(try client.delete([1, 2, 3]).isEmpty)
        client.close()
        // A new session sees all of them: the dropped one deleted nothing.
        let again = try Support.login(server)
        #expect(try again.status().messageCount == 3)
        try again.quit()
        #expect(try server.messageCount(of: "alice") == 3)
    }

    @Test func resetUnmarksAndRefusalsAreReported() throws {
        let server = try serverWithMessages()
        defer { server.stop() }
        let client = try Support.login(server)
        #expect(try client.delete([2]).isEmpty)
        let refusals = try client.delete([2, 9])
        #expect(refusals.map(\.number) == [2, 9])
        #expect(refusals.allSatisfy { !$0.reply.isPositive && !$0.reply.text.isEmpty })
        try client.reset()
        try client.quit()
        #expect(try server.messageCount(of: "alice") == 3)
    }
}
