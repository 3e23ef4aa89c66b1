@testable import IMAP
import Testing

/// SELECT, LIST, CREATE, SEARCH, STORE, MOVE and EXPUNGE against scripted responses.
@Suite struct ScriptedMailboxTests {
    @Test func selectReportsValidityCountAndNextUID() throws {
        let script = Scripted.greeting() + Scripted.lines(
            "* LIST (\\Noselect) \".\" \"\"", "A1 OK List completed",
            "* FLAGS (\\Answered \\Seen)", "* 3 EXISTS", "* 0 RECENT",
            "* OK [UIDVALIDITY 1700000000] UIDs valid", "* OK [UIDNEXT 44] Predicted next UID",
            "A2 OK [READ-ONLY] Select completed",
            "* 4 EXISTS", "A3 OK Noop")
        let (client, transport) = try Scripted.client(script)
        let status = try client.select(IMAPFolderPath("Support/Claims", separator: "/"))
        #expect(status.serverName == "Support.Claims")
        #expect(status.uidValidity == 1_700_000_000)
        #expect(status.exists == 3)
        #expect(status.uidNext == 44)
        #expect(status.isReadOnly)
        #expect(transport.sentText.hasSuffix("A2 SELECT \"Support.Claims\"\r\n"))
        _ = try client.search(.all)
        #expect(client.selected?.exists == 4)
    }

    @Test func selectOfAMissingFolderCarriesTheServersText() throws {
        let script = Scripted.greeting() + Scripted.lines("A1 NO [NONEXISTENT] Mailbox doesn't exist: INBOX", "A2 OK")
        let (client, _) = try Scripted.client(script)
        #expect(throws: IMAPError.commandFailed(
            host: "imap.test", port: 143, command: "SELECT \"INBOX\"", status: "NO",
            text: "[NONEXISTENT] Mailbox doesn't exist: INBOX")) { _ = try client.select(.inbox) }
        _ = try client.search(.all)  // still usable after NO
    }

    @Test func searchFromAUIDDropsTheHighestMessageBelowIt() throws {
        let script = Scripted.greeting() + Scripted.lines("* SEARCH 7", "A1 OK", "* SEARCH 12 9 10", "* SEARCH", "A2 OK")
        let (client, transport) = try Scripted.client(script)
        #expect(try client.search(.uids(from: 8)) == [])
        #expect(try client.search(.unseen.and(.uids(from: 9))) == [9, 10, 12])
        #expect(transport.sentText == "A1 UID SEARCH UID 8:*\r\nA2 UID SEARCH UNSEEN UID 9:*\r\n")
    }

    @Test func moveUsesMoveWhenOffered() throws {
        let script = Scripted.greeting() + Scripted.lines("* LIST () \"/\" \"\"", "A1 OK", "A2 OK moved")
        let (client, transport) = try Scripted.client(script)
        try client.move(IMAPUIDSet([3, 4]), to: IMAPFolderPath("Processed"))
        #expect(transport.sentText.hasSuffix("A2 UID MOVE 3:4 \"Processed\"\r\n"))
    }

    @Test func moveFallsBackToCopyStoreAndUIDExpunge() throws {
        let script = Scripted.greeting() + Scripted.lines("* LIST () \"/\" \"\"", "A1 OK", "A2 OK", "A3 OK", "* 1 EXPUNGE", "A4 OK")
        let (client, transport) = try Scripted.client(script) { $0.usesMove = false }
        try client.move(IMAPUIDSet([3]), to: IMAPFolderPath("Done/Ok"))
        #expect(transport.sentText.hasSuffix(
            "A2 UID COPY 3 \"Done/Ok\"\r\nA3 UID STORE 3 +FLAGS.SILENT (\\Deleted)\r\nA4 UID EXPUNGE 3\r\n"))
    }

    @Test func withoutUIDPlusTheFallbackExpungesTheFolder() throws {
        let script = Scripted.greeting("IMAP4rev1 LITERAL+") + Scripted.lines("* LIST () \"/\" \"\"", "A1 OK", "A2 OK", "A3 OK", "A4 OK")
        let (client, transport) = try Scripted.client(script)
        try client.move(IMAPUIDSet([3]), to: IMAPFolderPath("Failed"))
        #expect(transport.sentText.hasSuffix("A3 UID STORE 3 +FLAGS.SILENT (\\Deleted)\r\nA4 EXPUNGE\r\n"))
    }

    @Test func missingFoldersAreCreatedAndExistingOnesLeft() throws {
        let script = Scripted.greeting() + Scripted.lines(
            "* LIST () \"/\" \"\"", "A1 OK",
            "* LIST (\\Noselect) \"/\" \"Processed\"", "A2 OK",
            "A3 OK Create completed",
            "* LIST () \"/\" {9}", "Processed", "A4 OK")
        let (client, transport) = try Scripted.client(script)
        #expect(try client.createFolderIfMissing(IMAPFolderPath("Processed")))
        #expect(!(try client.createFolderIfMissing(IMAPFolderPath("Processed"))))
        #expect(transport.sentText.contains("A3 CREATE \"Processed\"\r\n"))
    }

    @Test func createRacingAnotherClientIsNotAnError() throws {
        let script = Scripted.greeting() + Scripted.lines(
            "* LIST () \"/\" \"\"", "A1 OK", "A2 OK", "A3 NO [ALREADYEXISTS] Mailbox already exists")
        let (client, _) = try Scripted.client(script)
        #expect(!(try client.createFolderIfMissing(IMAPFolderPath("Failed"))))
    }

    @Test func storeAddsFlagsSilently() throws {
        let (client, transport) = try Scripted.client(Scripted.greeting() + Scripted.lines("A1 OK"))
        try client.addFlags([.seen, .flagged], to: IMAPUIDSet([1, 2, 3, 7]))
        #expect(transport.sentText == "A1 UID STORE 1:3,7 +FLAGS.SILENT (\\Seen \\Flagged)\r\n")
    }

    @Test func anEmptySetNeverExpungesTheFolder() throws {
        let (client, transport) = try Scripted.client(Scripted.greeting("IMAP4rev1"))
        try client.move(IMAPUIDSet([]), to: IMAPFolderPath("Processed"))
        try client.delete(IMAPUIDSet([]))
        var buffer: [UInt8] = []
        try client.fetch(IMAPUIDSet([]), items: [.body], into: &buffer) { _ in Issue.record("handed over") }
        #expect(transport.sent.isEmpty)
    }
}
