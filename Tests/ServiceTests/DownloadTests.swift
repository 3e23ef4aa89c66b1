import Configuration
import DovecotHarness
import Foundation
import IMAP
import Logging
import Network
import Service
import Testing

/// `mailroute fetch` against a real Dovecot: byte-equal copies in a
/// Maildir, and a server left as it was.
@Suite struct DownloadTests {
    static let logger = Logger(label: "mailroute.test.fetch")

    @Test(arguments: [
        (MailProtocol.pop3, TransportSecurity.none), (.pop3, .implicitTLS), (.imap, .none), (.imap, .implicitTLS),
    ])
    func copiesEveryMessageAsTheServerSendsItAndLeavesTheServerAsItWas(type: MailProtocol, security: TransportSecurity)
        throws
    {
        let corpus = DownloadSupport.corpus
        #expect(corpus.count > 100)
        let dovecot = try Dovecot.start()
        for message in corpus { try dovecot.deliver(message, to: "alice") }
        // Folders that run would move messages to, which fetch must not create.
        let folders = type == .imap
            ? "processed-items-folder-name=\"Processed\" failed-items-folder-name=\"Failed\" move-failed-ews-item=\"true\"" : ""
        let account = try DownloadSupport.account(dovecot, type, security, options: folders)
        let directory = try DownloadSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let maildir = directory + "/captured/acme"  // neither exists yet

        let report = try MailboxDownload(account: account, directory: maildir).run(logger: Self.logger)

        #expect(report.listed == corpus.count && report.written == corpus.count && report.skipped == 0)
        let copies = try DownloadSupport.files(in: maildir, "new")
        #expect(copies.count == corpus.count)
        #expect(report.octets == copies.values.reduce(0) { $0 + $1.count })
        // CRLF line ends as the server sends them, which the corpus files do not have.
        let expected = corpus.map(type == .pop3 ? DownloadSupport.pop3Wire : DownloadSupport.crlf)
        #expect(sortedBytes(copies.values) == sortedBytes(expected))
        #expect(try DownloadSupport.files(in: maildir, "tmp").isEmpty)
        #expect(try DownloadSupport.files(in: maildir, "cur").isEmpty)
        // Maildir names: unique, with the size, nothing after it (no flags in new/).
        for (name, bytes) in copies { #expect(name.hasSuffix(",S=\(bytes.count)")) }

        // The server still holds every message, unflagged: a second copy is the same.
        #expect(try dovecot.messageCount(of: "alice") == corpus.count)
        #expect(!dovecot.folderExists("Processed", of: "alice") && !dovecot.folderExists("Failed", of: "alice"))
        let again = directory + "/again"
        let second = try MailboxDownload(account: account, directory: again).run(logger: Self.logger)
        #expect(second.written == corpus.count)
        #expect(sortedBytes(try DownloadSupport.files(in: again, "new").values) == sortedBytes(expected))
        if type == .imap {
            let client = try IMAPClient.connect(IMAPConfiguration(
                host: dovecot.host, port: dovecot.imapPort, security: .none,
                timeouts: ConnectionTimeouts(connect: .seconds(10), protocol: .seconds(10))))
            try client.login(user: "alice", password: "wonderland")
            _ = try client.select(.inbox)
            var buffer: [UInt8] = []
            var flagged: [UInt32] = []
            var count = 0
            try client.fetch(.from(1), items: .flags, into: &buffer) { message in
                count += 1
                if !(message.flags ?? []).isEmpty { flagged.append(message.uid) }
            }
            #expect(count == corpus.count)
            #expect(flagged.isEmpty, "BODY.PEEK must leave \\Seen alone")
            try client.logout()
        }
    }

    @Test(arguments: [MailProtocol.pop3, .imap])
    func headersOnlyAndLimitCopyTheFirstHeaderSections(type: MailProtocol) throws {
        let corpus = DownloadSupport.corpus.filter { DownloadSupport.headerSection(DownloadSupport.crlf($0)) != nil }
        let dovecot = try Dovecot.start()
        for message in corpus { try dovecot.deliver(message, to: "alice") }
        let directory = try DownloadSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var download = MailboxDownload(account: try DownloadSupport.account(dovecot, type, .none), directory: directory)
        download.headersOnly = true
        download.limit = 5

        let report = try download.run(logger: Self.logger)

        #expect(report.listed == corpus.count && report.written == 5)
        let copies = try DownloadSupport.files(in: directory, "new")
        let headers = Set(corpus.compactMap { DownloadSupport.headerSection(DownloadSupport.crlf($0)) })
        #expect(copies.count == 5)
        #expect(copies.values.allSatisfy(headers.contains))
        #expect(try dovecot.messageCount(of: "alice") == corpus.count)
    }

    @Test func aRefusedLoginWritesNothingAndNamesTheServer() throws {
        let dovecot = try Dovecot.start()
        try dovecot.deliver(DownloadSupport.corpus[0], to: "alice")
        let directory = try DownloadSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let account = try DownloadSupport.account(dovecot, .pop3, .none, password: "not-the-password")
        let error = #expect(throws: DownloadError.self) {
            _ = try MailboxDownload(account: account, directory: directory).run(logger: Self.logger)
        }
        let text = "\(error.map(String.init(describing:)) ?? "")"
        #expect(text.contains(dovecot.host) && text.contains("alice"))
        #expect(!text.contains("not-the-password"))
        #expect(try DownloadSupport.files(in: directory, "new").isEmpty)
        #expect(try dovecot.messageCount(of: "alice") == 1)
    }

    @Test func aFileWhereTheMaildirShouldBeIsAnErrorNamingIt() throws {
        let directory = try DownloadSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let blocker = directory + "/maildir"
        #expect(FileManager.default.createFile(atPath: blocker, contents: Data("x".utf8)))
        let dovecot = try Dovecot.start()
        let account = try DownloadSupport.account(dovecot, .imap, .none)
        let error = #expect(throws: DownloadError.self) {
            _ = try MailboxDownload(account: account, directory: blocker).run(logger: Self.logger)
        }
        guard case .maildir(let operation, let path, _) = error else {
            Issue.record("expected a Maildir error, got \(String(describing: error))")
            return
        }
        #expect(operation == "create the directory" && path == blocker)
    }
}
