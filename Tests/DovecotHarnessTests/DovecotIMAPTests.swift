import Testing
import DovecotHarness

/// A harness Dovecot serves IMAP with the extensions the fetch tests rely on.
@Suite struct DovecotIMAPTests {
    @Test func greetsOffersStartTLSAndMovesWithUIDPLUS() throws {
        let dovecot = try Dovecot.start()
        for name in twoMessages {
            try dovecot.deliver(try MailGemCorpus.message(name), to: "alice")
        }
        let client = try LineClient(port: dovecot.imapPort)
        let greeting = try client.line()
        #expect(greeting.hasPrefix("* OK [CAPABILITY"))
        #expect(greeting.contains("STARTTLS"))
        let login = try client.imap("a", "LOGIN alice wonderland")
        #expect(login.last?.hasPrefix("a OK") == true)
        let capabilities = try client.imap("b", "CAPABILITY").joined(separator: " ")
        #expect(capabilities.contains("UIDPLUS") && capabilities.contains(" MOVE"))
        #expect(try client.imap("c", "SELECT INBOX").contains("* 2 EXISTS"))
        #expect(!dovecot.folderExists("Processed", of: "alice"))
        #expect(try client.imap("d", "CREATE Processed").last?.hasPrefix("d OK") == true)
        #expect(dovecot.folderExists("Processed", of: "alice"))
        let move = try client.imap("e", "UID MOVE 1 Processed")
        #expect(move.contains { $0.contains("COPYUID") })
        #expect(try dovecot.messageCount(of: "alice", folder: "Processed") == 1)
        #expect(try client.imap("f", "UID STORE 2 +FLAGS (\\Deleted)").last?.hasPrefix("f OK") == true)
        #expect(try client.imap("g", "UID EXPUNGE 2").last?.hasPrefix("g OK") == true)
        #expect(try dovecot.messageCount(of: "alice") == 0)
    }

    @Test func listsAFolderDeliveredIntoWithSlashAsSeparator() throws {
        let dovecot = try Dovecot.start()
        try dovecot.deliver(try MailGemCorpus.message(twoMessages[0]), to: "alice", folder: "Archive/2024")
        #expect(dovecot.folderExists("Archive/2024", of: "alice"))
        let client = try LineClient(port: dovecot.imapPort)
        _ = try client.line()
        _ = try client.imap("a", "LOGIN alice wonderland")
        let list = try client.imap("b", "LIST \"\" \"*\"")
        #expect(list.contains { $0.hasPrefix("* LIST") && $0.hasSuffix("\"/\" Archive/2024") })
        #expect(try client.imap("c", "STATUS Archive/2024 (MESSAGES)").contains("* STATUS Archive/2024 (MESSAGES 1)"))
        #expect(throws: HarnessError.self) { try dovecot.deliver([], to: "alice", folder: "Archive.2024") }
    }
}
