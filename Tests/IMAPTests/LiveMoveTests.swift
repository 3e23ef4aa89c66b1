import DovecotHarness
import IMAP
import Testing

/// Moving and deleting on a real Dovecot.
@Suite struct LiveMoveTests {
    @Test(arguments: [true, false])
    func messagesMoveWithMoveOrWithTheCopyExpungeFallback(usesMove: Bool) throws {
        let dovecot = try Dovecot.start()
        try Live.deliver(Array(Live.corpus.prefix(3)), to: dovecot)
        let recorder = TranscriptRecorder()
        let client = try Live.session(dovecot) {
            $0.usesMove = usesMove
            $0.transcript = recorder.record
        }
        let processed = IMAPFolderPath("Processed.Ok", separator: ".")
        try client.createFolderIfMissing(processed)
        _ = try client.select(.inbox)
        try client.move(IMAPUIDSet([1, 3]), to: processed)
        #expect(try dovecot.messageCount(of: "alice") == 1)
        #expect(try dovecot.messageCount(of: "alice", folder: "Processed/Ok") == 2)
        #expect(try client.search(.all) == [2])
        #expect(client.selected?.exists == 1)
        let transcript = recorder.text
        #expect(transcript.contains(#"UID MOVE 1,3 "Processed/Ok""#) == usesMove)
        #expect(transcript.contains(#"UID COPY 1,3 "Processed/Ok""#) == !usesMove)
        #expect(transcript.contains("UID EXPUNGE 1,3") == !usesMove)

        let moved = try client.select(processed)
        #expect(moved.exists == 2)
    }

    @Test func deleteRemovesOnlyTheGivenMessages() throws {
        let dovecot = try Dovecot.start()
        try Live.deliver(Array(Live.corpus.prefix(4)), to: dovecot)
        let other = try Live.session(dovecot)
        _ = try other.select(.inbox)
        try other.addFlags([.deleted], to: IMAPUIDSet([4]))  // someone else's pending deletion
        let client = try Live.session(dovecot)
        _ = try client.select(.inbox)
        try client.delete(IMAPUIDSet([2]))
        #expect(try client.search(.all) == [1, 3, 4])
        try client.expunge()
        #expect(try client.search(.all) == [1, 3])
        #expect(try dovecot.messageCount(of: "alice") == 2)
    }
}
