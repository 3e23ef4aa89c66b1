import DovecotHarness
import IMAP
import Testing

/// Folders on a real Dovecot: nested paths, CREATE, UIDVALIDITY.
@Suite struct LiveFolderTests {
    @Test(arguments: [("Support/Claims", "/"), ("Support.Claims", "."), ("INBOX", "/"), ("inbox", ".")] as [(String, Character)])
    func selectsFoldersGivenWithEitherSeparator(path: String, separator: Character) throws {
        let dovecot = try Dovecot.start()
        let folder = path.uppercased() == "INBOX" ? "INBOX" : "Support/Claims"
        try Live.deliver(Array(Live.corpus.prefix(2)), to: dovecot, folder: folder)
        let client = try Live.session(dovecot)
        let status = try client.select(IMAPFolderPath(path, separator: separator))
        #expect(status.serverName == folder)
        #expect(status.exists == 2)
        #expect(status.uidNext == 3)
        #expect(!status.isReadOnly)
        #expect(try client.search(.all) == [1, 2])
    }

    @Test func aServerWithDotDelimitersGetsDottedNames() throws {
        let dovecot = try Dovecot.start(extraConfig: "namespace inbox {\n  separator = .\n}")
        try Live.deliver(Array(Live.corpus.prefix(1)), to: dovecot, folder: "Support/Claims")
        let client = try Live.session(dovecot)
        #expect(try client.select(IMAPFolderPath("Support/Claims", separator: "/")).serverName == "Support.Claims")
        #expect(throws: IMAPError.self) { _ = try client.select(IMAPFolderPath("v1.2/Claims", separator: "/")) }
    }

    @Test func selectingAMissingFolderCarriesTheServersText() throws {
        let dovecot = try Dovecot.start()
        let client = try Live.session(dovecot)
        do {
            _ = try client.select(IMAPFolderPath("Nowhere/Else"))
            Issue.record("selected a missing folder")
        } catch {
            guard case .commandFailed(_, _, let command, "NO", let text) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(command == #"SELECT "Nowhere/Else""#)
            #expect(text.contains("exist"))
        }
        #expect(try client.select(.inbox).exists == 0)  // still usable
    }

    @Test func missingProcessedAndFailedFoldersAreCreated() throws {
        let dovecot = try Dovecot.start()
        let client = try Live.session(dovecot)
        let processed = IMAPFolderPath("Processed/2024")
        let failed = IMAPFolderPath("Failed")
        #expect(!(try client.folderExists(processed)))
        #expect(try client.createFolderIfMissing(processed))
        #expect(try client.createFolderIfMissing(failed))
        #expect(!(try client.createFolderIfMissing(processed)))
        #expect(try client.folderExists(processed))
        #expect(try client.folderExists(.inbox))
        #expect(dovecot.folderExists("Processed/2024", of: "alice"))
        #expect(dovecot.folderExists("Failed", of: "alice"))
    }

    @Test func nonASCIIFolderNamesTravelInModifiedUTF7() throws {
        let dovecot = try Dovecot.start()
        let recorder = TranscriptRecorder()
        let client = try Live.session(dovecot) { $0.transcript = recorder.record }
        let folder = IMAPFolderPath("Entwürfe/Ärger", separator: "/")
        #expect(try client.createFolderIfMissing(folder))
        #expect(try client.folderExists(folder))
        #expect(!(try client.folderExists(IMAPFolderPath("Entwürfe/Arger"))))
        #expect(try client.select(folder).serverName == "Entw&APw-rfe/&AMQ-rger")
        #expect(recorder.text.contains(#"C: A3 LIST "" "Entw&APw-rfe/&AMQ-rger""#))
    }

    @Test func uidValidityAndUIDsAreStableAcrossSessions() throws {
        let dovecot = try Dovecot.start()
        try Live.deliver(Array(Live.corpus.prefix(3)), to: dovecot)
        let first = try Live.session(dovecot)
        let before = try first.select(.inbox)
        let uids = try first.search(.all)
        try first.logout()
        try Live.deliver(Array(Live.corpus[3..<4]), to: dovecot)
        let second = try Live.session(dovecot)
        let after = try second.select(.inbox)
        #expect(after.uidValidity == before.uidValidity)
        #expect(after.exists == 4)
        #expect(try second.search(.all) == uids + [4])
        #expect(try second.search(.uids(from: 4)) == [4])
        #expect(try second.search(.uids(from: 5)) == [])
    }
}
