import DovecotHarness
import Foundation
import Service
import Testing

/// What goes wrong on real servers: credentials, certificates, messages
/// that cannot be retrieved, and secrets that must stay out of the logs.
@Suite struct FaultTests {
    @Test(arguments: ["POP3", "IMAP"])
    func aWrongPasswordFailsTheCycleWithTheServersReplyAndNeverShowsThePassword(type: String) throws {
        let fixture = try ServiceFixture()
        let delivered = try fixture.deliverCorpus()
        let configuration = try fixture.writeConfiguration(
            type, ["password": "not-the-password-7731", "enable-debug": "true"])
        let (report, failed) = try fixture.runOnce(configuration)
        #expect(failed == ["support"])
        #expect(report.stored == 0)
        let logs = fixture.logs.text
        #expect(logs.contains("cycle failed"))
        #expect(logs.contains(type == "POP3" ? "[AUTH]" : "AUTHENTICATIONFAILED"), "\(logs)")
        #expect(!logs.contains("not-the-password-7731"))
        #expect(try fixture.onServer() == delivered)
    }

    @Test(arguments: ["POP3", "IMAP"])
    func debugTranscriptsRedactThePassword(type: String) throws {
        let fixture = try ServiceFixture()
        try fixture.deliverCorpus()
        let configuration = try fixture.writeConfiguration(type, ["enable-debug": "true"])
        let (_, failed) = try fixture.runOnce(configuration)
        #expect(failed.isEmpty)
        let logs = fixture.logs.text
        #expect(logs.contains("C: "), "the exchange is logged at debug level")
        #expect(logs.contains("<redacted>"))
        #expect(!logs.contains(ServiceFixture.user.password))
        #expect(logs.contains("mailbox=support"))
    }

    @Test(arguments: ["POP3", "IMAP"])
    func anUntrustedCertificateIsAnErrorNamingTheHost(type: String) throws {
        let fixture = try ServiceFixture()
        let delivered = try fixture.deliverCorpus()
        let configuration = try fixture.writeConfiguration(
            type, ["pop-connection-security": "ssl-tls", "ca-file": fixture.dovecot.untrustedCAFile])
        let (_, failed) = try fixture.runOnce(configuration)
        #expect(failed == ["support"])
        #expect(fixture.logs.text.contains("certificate of 127.0.0.1"), "\(fixture.logs.text)")
        #expect(try fixture.onServer() == delivered)
        #expect(try fixture.spool().isEmpty)
    }

    @Test func aSilentServerDoesNotHoldUpOtherMailboxes() throws {
        let fixture = try ServiceFixture()
        let delivered = try fixture.deliverCorpus()
        let silent = try ScriptedServer { peer in peer.ignoreUntilClosed(limit: .seconds(20)) }
        defer { silent.stop() }
        let configuration = try fixture.writeConfiguration(
            "IMAP",
            otherMailboxes: """
                <mailbox name="billing" enable-client="true" type="POP3" server="127.0.0.1" port="\(silent.port)" \
                mailbox="billing" password="x" address="billing@acme.example" protocol-timeout="00:00:01"/>
                """)
        let (report, failed) = try fixture.runOnce(configuration)
        #expect(failed == ["billing"])
        #expect(report.stored == delivered)
        #expect(fixture.logs.text.contains("timed out after 1s waiting for the server reply"), "\(fixture.logs.text)")
    }

    @Test func apopLogsIn() throws {
        let fixture = try ServiceFixture()
        let delivered = try fixture.deliverCorpus()
        let configuration = try fixture.writeConfiguration("POP3", ["authentication": "apop", "enable-debug": "true"])
        let (report, failed) = try fixture.runOnce(configuration)
        #expect(failed.isEmpty, "\(fixture.logs.text)")
        #expect(report.stored == delivered)
        #expect(fixture.logs.text.contains("C: APOP"))
    }

    @Test(arguments: [(false, [2]), (true, [1, 2])])
    func aMessageThatCannotBeRetrievedIsLeftOrDeleted(deleteBad: Bool, deletedOnServer: [Int]) throws {
        let fixture = try ServiceFixture()
        let deletions = Deletions()
        let message = try MailGemCorpus.message("plain_emails/basic_email.eml")
        let server = try ScriptedServer { peer in try Self.pop3(peer, message: message, deletions: deletions) }
        defer { server.stop() }
        let configuration = try fixture.writeConfiguration(
            "POP3", ["port": String(server.port), "delete-bad-formatted-msg": deleteBad ? "true" : "false"])
        let (report, failed) = try fixture.runOnce(configuration)
        #expect(failed.isEmpty, "\(fixture.logs.text)")
        #expect(report.stored == 1)
        #expect(report.left == (deleteBad ? 0 : 1))
        #expect(deletions.numbers == deletedOnServer)
        #expect(fixture.logs.text.contains("message is unreadable"))
    }

    /// A POP3 server with two messages, the first of which it cannot read.
    private static func pop3(_ peer: ScriptedServer.Peer, message: [UInt8], deletions: Deletions) throws {
        try peer.send("+OK scripted POP3\r\n")
        while let line = try peer.readLine() {
            let words = line.split(separator: " ").map(String.init)
            switch words.first?.uppercased() {
            case "CAPA": try peer.send("+OK\r\nUSER\r\nUIDL\r\nTOP\r\nPIPELINING\r\n.\r\n")
            case "USER", "PASS", "NOOP": try peer.send("+OK\r\n")
            case "LIST": try peer.send("+OK\r\n1 \(message.count)\r\n2 \(message.count)\r\n.\r\n")
            case "UIDL": try peer.send("+OK\r\n1 unreadable-one\r\n2 good-one\r\n.\r\n")
            case "RETR" where words.count > 1 && words[1] == "1":
                try peer.send("-ERR [SYS/PERM] message is unreadable\r\n")
            case "RETR":
                try peer.send(Array("+OK\r\n".utf8) + message + Array("\r\n.\r\n".utf8))
            case "DELE":
                deletions.add(Int(words.last ?? "") ?? 0)
                try peer.send("+OK\r\n")
            case "QUIT":
                try peer.send("+OK bye\r\n")
                return
            default:
                try peer.send("-ERR unknown command\r\n")
            }
        }
    }

    /// The DELE commands a scripted server received.
    final class Deletions: @unchecked Sendable {
        private let lock = NSLock()
        private var received: [Int] = []
        func add(_ number: Int) {
            lock.lock()
            received.append(number)
            lock.unlock()
        }
        var numbers: [Int] {
            lock.lock()
            defer { lock.unlock() }
            return received.sorted()
        }
    }
}

/// A message the server cannot read, on IMAP.
@Suite struct UnreadableMessageTests {
    @Test(arguments: [(true, false), (false, true), (false, false)])
    func anUnreadableMessageIsMovedToTheFailedFolderDeletedOrLeftAndTheRestIsStored(
        movesFailed: Bool, deletesBad: Bool
    ) throws {
        let fixture = try ServiceFixture()
        let delivered = try fixture.deliverCorpus(count: 3)
        // Dovecot's mail processes cannot read a file only root may read.
        let new = fixture.dovecot.maildir(of: ServiceFixture.user.name) + "/new"
        let victim = try #require(try FileManager.default.contentsOfDirectory(atPath: new).sorted().first)
        // Its sizes go in its name (as delivery agents write them), so that
        // listing needs no read and the failure comes with the FETCH of its body.
        let bytes = try #require(FileManager.default.contents(atPath: new + "/" + victim))
        let lineFeeds = bytes.filter { $0 == 10 }.count
        let named = new + "/" + victim + ",S=\(bytes.count),W=\(bytes.count + lineFeeds)"
        try FileManager.default.moveItem(atPath: new + "/" + victim, toPath: named)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: named)
        var options = ["delete-bad-formatted-msg": deletesBad ? "true" : "false"]
        if movesFailed {
            options["failed-items-folder-name"] = "Failed"
            options["move-failed-ews-item"] = "true"
        }
        // Dovecot drops the connection when it cannot read a message. The
        // first cycle stores what came before it; the second fetches it
        // alone, after the others; the third gives up on it.
        let service = try fixture.service(try fixture.writeConfiguration("IMAP", options))
        let outcomes = (1...3).map { _ in service.run(once: true) }
        #expect(outcomes.map(\.failedMailboxes) == [["support"], ["support"], []], "\(fixture.logs.text)")
        #expect(try fixture.spool().count == delivered - 1)
        #expect(fixture.logs.text.contains("the connection broke while this message was being sent"))
        #expect(fixture.logs.text.contains("could not be retrieved"))
        #expect(try fixture.onServer() == (movesFailed || deletesBad ? 0 : 1))
        if movesFailed { #expect(try fixture.onServer("Failed") == 1) }
    }

    /// Without sizes in its file name, Dovecot must read the message to list
    /// its size, and ends the session when it cannot: the size listing breaks
    /// before any message is fetched. The first cycle finds which message
    /// the server was listing, the second lists it alone after the others,
    /// the third gives it up and stores the rest. The breaks are counted in
    /// the ledger, so separate processes (`run --once` from cron) do the same.
    @Test(arguments: [false, true])
    func anUnreadableMessageWhoseSizeCannotBeListedIsGivenUpAndTheRestIsStored(processPerCycle: Bool) throws {
        let fixture = try ServiceFixture()
        let delivered = try fixture.deliverCorpus(count: 3)
        let new = fixture.dovecot.maildir(of: ServiceFixture.user.name) + "/new"
        let victim = try #require(try FileManager.default.contentsOfDirectory(atPath: new).sorted().dropFirst().first)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: new + "/" + victim)
        let configuration = try fixture.writeConfiguration("IMAP")
        let shared = try fixture.service(configuration)
        let outcomes = try (1...3).map { _ in try (processPerCycle ? fixture.service(configuration) : shared).run(once: true) }
        #expect(outcomes.map(\.failedMailboxes) == [["support"], ["support"], []], "\(fixture.logs.text)")
        // A service's report adds up all its cycles.
        let stored = processPerCycle ? outcomes.map(\.report.stored).reduce(0, +) : outcomes[2].report.stored
        #expect(stored == delivered - 1)
        #expect(try fixture.spool().count == delivered - 1)
        #expect(fixture.logs.text.contains("the connection broke while its size was being listed"))
        #expect(fixture.logs.text.contains("could not be retrieved"))
        #expect(try fixture.onServer() == 1)
    }
}
