import DovecotHarness
import Foundation
import QueueStore
import Service
import Testing

/// `mailroute run` against a real Dovecot: each protocol and security mode,
/// what happens on the server, and the options that change it.
@Suite struct FetchServiceTests {
    @Test(arguments: ["POP3", "IMAP"], ["none", "start-tls", "start-tls-required", "ssl-tls"])
    func everyMessageIsStoredOnceAndRemovedFromTheServer(type: String, security: String) throws {
        let fixture = try ServiceFixture()
        let delivered = try fixture.deliverCorpus()
        let configuration = try fixture.writeConfiguration(type, ["pop-connection-security": security])
        let (report, failed) = try fixture.runOnce(configuration)
        #expect(failed.isEmpty, "\(fixture.logs.text)")
        #expect(report.stored == delivered)
        let spool = try fixture.spool()
        #expect(spool.count == delivered)
        #expect(Set(spool.map(\.source)).count == delivered)
        #expect(spool.allSatisfy { $0.mailbox == "support" && !$0.interactions.isEmpty })
        #expect(try fixture.onServer() == 0)
    }

    @Test func theSpoolKeepsTheMessageAsTheServerSentIt() throws {
        let fixture = try ServiceFixture()
        try fixture.deliverCorpus()
        let (_, failed) = try fixture.runOnce(try fixture.writeConfiguration("IMAP"))
        #expect(failed.isEmpty)
        let originals = Set(try ServiceFixture.corpusNames.map { name in
            Self.crlf(try MailGemCorpus.message(name))
        })
        let stored = try QueueStore(root: fixture.storeDirectory).spoolEntries().map { Self.crlf(try $0.get().bytes()) }
        #expect(Set(stored) == originals)
    }

    @Test(arguments: ["POP3", "IMAP"])
    func leaveMessageOnServerNeverStoresTwice(type: String) throws {
        let fixture = try ServiceFixture()
        let delivered = try fixture.deliverCorpus()
        let configuration = try fixture.writeConfiguration(type, ["leave-msg-on-server": "true"])
        let first = try fixture.runOnce(configuration).0
        let second = try fixture.runOnce(configuration).0
        #expect(first.stored == delivered)
        #expect(second.stored == 0)
        #expect(second.listed == delivered)
        #expect(try fixture.spool().count == delivered)
        #expect(try fixture.onServer() == delivered)
    }

    /// IMAP, leaving messages on the server: each stored message is marked
    /// \Seen, and later cycles ask the server for the sizes of new messages
    /// alone (UID SEARCH lists the folder).
    @Test func imapMarksKeptMessagesSeenAndSizesOnlyNewOnes() throws {
        let fixture = try ServiceFixture()
        let delivered = try fixture.deliverCorpus()
        let configuration = try fixture.writeConfiguration("IMAP", ["leave-msg-on-server": "true", "enable-debug": "true"])
        let service = try fixture.service(configuration)
        let first = service.run(once: true).report
        #expect(first.stored == delivered)
        #expect(try Self.seenOnServer(fixture) == delivered)

        let late = Array("Message-ID: <late@fixture.test>\r\nSubject: late\r\n\r\nhello\r\n".utf8)
        try fixture.dovecot.deliver(late, to: ServiceFixture.user.name)
        let before = fixture.logs.text.count
        // A service's report adds up all its cycles.
        let both = service.run(once: true).report
        #expect(both.stored - first.stored == 1)
        #expect(both.listed - first.listed == delivered + 1)
        let exchange = String(fixture.logs.text.dropFirst(before))
        #expect(exchange.contains("UID SEARCH ALL"))
        let uid = delivered + 1
        #expect(exchange.contains("UID FETCH \(uid) (UID RFC822.SIZE)"), "\(exchange)")
        #expect(!exchange.contains("UID FETCH 1:"), "the sizes of stored messages are not asked for")
        #expect(try Self.seenOnServer(fixture) == delivered + 1)
        #expect(try fixture.onServer() == delivered + 1)
    }

    /// Deleting on IMAP: stored messages are marked \Deleted and expunged
    /// at the end of the cycle, after the last retrieval, in one STORE and
    /// one UID EXPUNGE, never a group at a time (each costs the server a
    /// pass over the folder, and stops the retrieval while it works).
    @Test func imapMarksAndExpungesStoredMessagesAtTheEndOfTheCycle() throws {
        let fixture = try ServiceFixture()
        let delivered = try fixture.deliverCorpus(count: 1_050)
        let configuration = try fixture.writeConfiguration(
            "IMAP", ["enable-debug": "true", "maximum-msg-number": "2000"])
        let (report, failed) = try fixture.runOnce(configuration)
        #expect(failed.isEmpty, "\(fixture.logs.text)")
        #expect(report.stored == delivered)
        #expect(report.removed == delivered)
        let commands = fixture.logs.text.split(separator: "\n").filter {
            $0.contains("UID STORE") || $0.contains("UID EXPUNGE") || $0.contains("UID FETCH")
        }
        let fetches = commands.indices.filter { commands[$0].contains("UID FETCH") }
        let marks = commands.indices.filter { commands[$0].contains("+FLAGS.SILENT (\\Deleted)") }
        let expunges = commands.indices.filter { commands[$0].contains("UID EXPUNGE") }
        #expect(marks.count == 1 && expunges.count == 1, "\(commands.filter { !$0.contains("UID FETCH") })")
        let (lastFetch, mark, expunge) = (try #require(fetches.last), try #require(marks.first), try #require(expunges.first))
        #expect(commands[mark].contains("1:1050"))
        #expect(fetches.count > 10 && lastFetch < mark && mark < expunge, "after the last of the groups' FETCHes")
        #expect(try fixture.onServer() == 0)
        #expect(try fixture.spool().count == delivered)
    }

    /// Messages of the INBOX whose Maildir name carries the S (seen) flag.
    static func seenOnServer(_ fixture: ServiceFixture) throws -> Int {
        let cur = fixture.dovecot.maildir(of: ServiceFixture.user.name) + "/cur"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: cur)) ?? []
        return names.filter { name in
            guard let info = name.range(of: ":2,") else { return false }
            return name[info.upperBound...].contains("S")
        }.count
    }

    @Test(arguments: ["POP3", "IMAP"])
    func maximumMessageNumberSpreadsABacklogOverCycles(type: String) throws {
        let fixture = try ServiceFixture()
        try fixture.deliverCorpus(count: 7)
        let configuration = try fixture.writeConfiguration(type, ["maximum-msg-number": "3"])
        var stored: [Int] = []
        for _ in 0..<4 { stored.append(try fixture.runOnce(configuration).0.stored) }
        #expect(stored == [3, 3, 1, 0])
        #expect(try fixture.spool().count == 7)
        #expect(try fixture.onServer() == 0)
    }

    @Test func processedMessagesMoveToTheProcessedFolderOnIMAP() throws {
        let fixture = try ServiceFixture()
        let delivered = try fixture.deliverCorpus()
        let configuration = try fixture.writeConfiguration(
            "IMAP", ["processed-items-folder-name": "Processed", "failed-items-folder-name": "Failed", "move-failed-ews-item": "true"])
        let (report, failed) = try fixture.runOnce(configuration)
        #expect(failed.isEmpty, "\(fixture.logs.text)")
        #expect(report.removed == delivered)
        #expect(try fixture.onServer() == 0)
        #expect(try fixture.onServer("Processed") == delivered)
        #expect(fixture.dovecot.folderExists("Failed", of: ServiceFixture.user.name))
    }

    @Test func aSubfolderIsReadWithItsSeparator() throws {
        let fixture = try ServiceFixture()
        let delivered = try fixture.deliverCorpus(folder: "Support/Inbound")
        let configuration = try fixture.writeConfiguration(
            "IMAP", ["folder-path": "Support.Inbound", "folder-separator": "."])
        #expect(try fixture.runOnce(configuration).0.stored == delivered)
        #expect(try fixture.onServer("Support/Inbound") == 0)
    }

    @Test(arguments: ["POP3", "IMAP"])
    func oversizedMessagesAreStrippedFromTheirHeaders(type: String) throws {
        let fixture = try ServiceFixture()
        let body = String(repeating: "0123456789abcdef", count: 8 * 1024) // 128 KiB
        let big = Array("Message-ID: <big@fixture.test>\r\nSubject: large\r\nTo: support@acme.example\r\n\r\n\(body)\r\n".utf8)
        try fixture.dovecot.deliver(big, to: ServiceFixture.user.name)
        let configuration = try fixture.writeConfiguration(type, ["maximum-msg-size": "65536B"])
        let (report, _) = try fixture.runOnce(configuration)
        #expect(report.stored == 1)
        let store = try QueueStore(root: fixture.storeDirectory)
        let stored = try store.spoolEntries().map { try $0.get() }
        #expect(stored.count == 1)
        // Only the header section was fetched (TOP / BODY.PEEK[HEADER]).
        #expect(try stored[0].bytes().count < 200)
        let interactions = try store.queueNames().flatMap { try store.interactions(inQueue: $0).map { try $0.get().record } }
        #expect(interactions.map(\.isStripped) == [true])
        #expect(try fixture.onServer() == 0)
    }

    @Test(arguments: [("false", 1, 0), ("true", 0, 0)])
    func oversizedMessagesWithoutStrippingAreLeftOrDeleted(deleteBig: String, remaining: Int, stored: Int) throws {
        let fixture = try ServiceFixture()
        let big = Array("Subject: large\r\n\r\n\(String(repeating: "x", count: 100_000))\r\n".utf8)
        try fixture.dovecot.deliver(big, to: ServiceFixture.user.name)
        let configuration = try fixture.writeConfiguration(
            "POP3", ["maximum-msg-size": "65536B", "enable-big-msg-stripping": "false", "delete-big-msg": deleteBig])
        let (report, failed) = try fixture.runOnce(configuration)
        #expect(failed.isEmpty)
        #expect(report.stored == stored)
        #expect(report.left + report.deletedUnprocessed == 1)
        #expect(try fixture.onServer() == remaining)
        #expect(fixture.logs.text.contains("maximum-msg-size=65536"))
    }

    @Test func messageIDCheckSkipsTheSecondCopy() throws {
        let fixture = try ServiceFixture()
        let message = try MailGemCorpus.message("plain_emails/basic_email.eml")
        try fixture.dovecot.deliver(message, to: ServiceFixture.user.name)
        try fixture.dovecot.deliver(message, to: ServiceFixture.user.name)
        let configuration = try fixture.writeConfiguration("POP3", ["enable-message-id-check": "true"])
        let (report, _) = try fixture.runOnce(configuration)
        #expect(report.stored == 1)
        #expect(report.duplicates == 1)
        #expect(try fixture.onServer() == 0)
    }

    static func crlf(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        for (index, byte) in bytes.enumerated() {
            if byte == 10 && (index == 0 || bytes[index - 1] != 13) { out.append(13) }
            out.append(byte)
        }
        return out
    }
}
