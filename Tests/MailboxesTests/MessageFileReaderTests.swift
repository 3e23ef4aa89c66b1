import Mailboxes
import Testing

@Suite struct MessageFileReaderTests {
    @Test func yieldsTheWholeFileOnce() throws {
        let directory = try TemporaryDirectory()
        let message = "Subject: one\r\n\r\nFrom the body, not an envelope\r\n>From kept as is\r\n"
        let path = try directory.write(message, to: "one.eml")
        let reader = try MessageFileReader(path: path)
        let item = reader.next()
        #expect(item?.text == message)
        #expect(item?.position == SourcePosition(mailbox: path, index: 1, location: .file(path)))
        #expect(item?.position.description == path)
        #expect(reader.next() == nil)
    }

    @Test func movesALeadingFromLineToTheEnvelopeSender() throws {
        let directory = try TemporaryDirectory()
        let saved = "From alice@example.com Mon Aug 22 09:45:15 2011\r\nX: 1\r\n\r\nbody\r\n"
        let path = try directory.write(saved, to: "saved.eml")
        let item = try MessageFileReader(path: path).next()
        #expect(item?.text == "X: 1\r\n\r\nbody\r\n")
        #expect(item?.entry?.envelopeSender == "alice@example.com")
    }

    @Test(arguments: [("", MailboxProblem.Reason.emptyFile), ("From alice@example.com\n", .emptyMessage)])
    func reportsAFileWithoutAMessage(content: String, reason: MailboxProblem.Reason) throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(content, to: "empty.eml")
        #expect(try MessageFileReader(path: path).next()?.problem?.reason == reason)
    }

    @Test func throwsForAMissingFileOrADirectory() throws {
        let directory = try TemporaryDirectory()
        #expect(throws: MailboxError.notFound(path: directory.path + "/missing.eml")) {
            try MessageFileReader(path: directory.path + "/missing.eml")
        }
        #expect(throws: MailboxError.formatMismatch(path: directory.path, format: .messageFile, kind: "a directory")) {
            try MessageFileReader(path: directory.path)
        }
    }
}
