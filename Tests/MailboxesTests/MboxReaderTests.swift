import Foundation
import Mailboxes
import Testing

@Suite struct MboxReaderTests {
    private func read(_ mbox: String) throws -> [MailboxItem] {
        let directory = try TemporaryDirectory()
        let path = try directory.write(mbox, to: "inbox.mbox")
        return readAll(try MboxReader(path: path))
    }

    @Test func splitsLFMessagesAndKeepsTheirEnvelopes() throws {
        let first = "From alice@example.com Mon Nov  2 10:00:00 2026\nSubject: one\n\nHello\n\n"
        let second = "From bob@example.org Tue Nov  3 11:00:00 2026\nSubject: two\n\nBye\n\n"
        let items = try read(first + second)
        #expect(items.map(\.text) == ["Subject: one\n\nHello\n", "Subject: two\n\nBye\n"])
        #expect(items.map { $0.entry?.envelopeSender } == ["alice@example.com", "bob@example.org"])
        #expect(items.map(\.position.location) == [
            .mbox(line: 1, byteOffset: 0), .mbox(line: 6, byteOffset: first.utf8.count),
        ])
        #expect(items.map(\.position.index) == [1, 2])
        #expect(items.allSatisfy { $0.entry?.mayBeTruncated == false })
    }

    @Test func splitsCRLFMessagesAndRemovesOneCRLF() throws {
        let first = "From a@example.com Mon Nov  2 10:00:00 2026\r\nSubject: one\r\n\r\nHello\r\n\r\n"
        let items = try read(first + "From b@example.com Mon Nov  2 10:00:00 2026\r\nSubject: two\r\n\r\nBye\r\n\r\n")
        #expect(items.map(\.text) == ["Subject: one\r\n\r\nHello\r\n", "Subject: two\r\n\r\nBye\r\n"])
        #expect(items.map { $0.entry?.envelopeSender } == ["a@example.com", "b@example.com"])
        #expect(items.map(\.position.location)[1] == .mbox(line: 6, byteOffset: first.utf8.count))
    }

    @Test func undoesMboxrdAndMboxoQuotingByOneLevel() throws {
        let body = [">From the start", ">>From mboxrd", ">>>From deeper", "> From not quoted", ">Fromage", ">"]
        let items = try read("From a\nSubject: q\n\n" + body.joined(separator: "\n") + "\n\n")
        #expect(items.map(\.text) == [
            "Subject: q\n\nFrom the start\n>From mboxrd\n>>From deeper\n> From not quoted\n>Fromage\n>\n",
        ])
    }

    @Test func fromNotAtTheStartOfALineIsBodyText() throws {
        let message = "From: Alice <a@example.com>\nSubject: From here\n\nMail From me\n From indented\nFromage\n"
        let items = try read("From a\n" + message + "\n")
        #expect(items.map(\.text) == [message])
    }

    @Test func reportsTextBeforeTheFirstFromLineAndGoesOn() throws {
        let junk = "garbage\nmore garbage\n"
        let items = try read(junk + "From a\nSubject: x\n\nbody\n")
        #expect(items.count == 2)
        let problem = try #require(items.first?.problem)
        #expect(problem.reason == .textBeforeFirstMessage(byteCount: junk.utf8.count, lineCount: 2))
        #expect(problem.position == SourcePosition(
            mailbox: problem.position.mailbox, index: 0, location: .mbox(line: 1, byteOffset: 0)))
        #expect(items[1].text == "Subject: x\n\nbody")
        #expect(items[1].position.location == .mbox(line: 3, byteOffset: junk.utf8.count))
        #expect(items[1].position.index == 1)
    }

    @Test func aFileWithoutFromLinesIsOneProblem() throws {
        let text = "Subject: not an mbox\n\n>From quoted\nno final line break"
        let items = try read(text)
        #expect(items.count == 1)
        #expect(items.first?.problem?.reason == .textBeforeFirstMessage(byteCount: text.utf8.count, lineCount: 4))
    }

    @Test func anEmptyFileHasNoEntries() throws {
        #expect(try read("").isEmpty)
    }

    @Test(arguments: [
        "From a\nFrom b\nX: 1\n\nbody\n", "From a\n\nFrom b\nX: 1\n\nbody\n", "From a\r\n\r\nFrom b\r\nX: 1\n\nbody\n",
    ])
    func reportsAnEmptyMessageBetweenTwoFromLines(_ mbox: String) throws {
        let items = try read(mbox)
        #expect(items.count == 2)
        #expect(items.first?.problem?.reason == .emptyMessage)
        #expect(items.first?.position.index == 1)
        #expect(items.last?.text == "X: 1\n\nbody")
        #expect(items.last?.position.index == 2)
    }

    @Test(arguments: ["From a\n", "From a", "From a\nX: 1\n\nbody\n\nFrom b"])
    func reportsAnEmptyLastMessage(_ mbox: String) throws {
        let items = try read(mbox)
        #expect(items.last?.problem?.reason == .emptyMessage)
    }

    @Test func yieldsATruncatedLastMessageAndSaysSo() throws {
        let items = try read("From a\nX: 1\n\none\n\nFrom b\nX: 2\n\ncut sho")
        #expect(items.map(\.text) == ["X: 1\n\none\n", "X: 2\n\ncut sho"])
        #expect(items.map { $0.entry?.mayBeTruncated } == [false, true])
    }

    @Test func aLastMessageWithoutTheBlankLineLosesItsLineBreak() throws {
        let items = try read("From a\nX: 1\n\nbody\n")
        #expect(items.map(\.text) == ["X: 1\n\nbody"])
        #expect(items.first?.entry?.mayBeTruncated == false)
    }

    @Test func aFromLineWithoutASenderHasNone() throws {
        let items = try read("From \nX: 1\n\nbody\n\n")
        #expect(items.first?.entry?.envelopeSender == nil)
        #expect(items.map(\.text) == ["X: 1\n\nbody\n"])
    }

    /// The reader's buffer holds 256 KiB: `From ` lines and quoted lines that
    /// start just before, on and after its edge must be read like any other.
    @Test(arguments: -7...2)
    func readsLinesThatCrossTheBufferEdge(shift: Int) throws {
        let chunk = 256 * 1024
        let header = "From a\nX: 1\n\n"
        let filler = String(repeating: "x", count: chunk + shift - header.utf8.count - 1) + "\n"
        let mbox = header + filler + ">From quoted\n\nFrom b\nX: 2\n\n>>From quoted\n\n"
        let items = try read(mbox)
        #expect(items.map(\.text) == ["X: 1\n\n" + filler + "From quoted\n", "X: 2\n\n>From quoted\n"])
        let secondOffset = header.utf8.count + filler.utf8.count + ">From quoted\n\n".utf8.count
        #expect(items.last?.position.location == .mbox(line: 7, byteOffset: secondOffset))
    }

    /// A read error (here: reading a directory) ends the reading with a problem.
    @Test func reportsAReadErrorAndStops() throws {
        let directory = try TemporaryDirectory()
        let descriptor = open(directory.path, O_RDONLY)
        defer { close(descriptor) }
        let items = Array(MboxReader(fileDescriptor: descriptor, mailbox: directory.path))
        #expect(items.map { $0.problem?.reason } == [.unreadable(reason: "Is a directory")])
        #expect(items.first?.position.location == .mbox(line: 1, byteOffset: 0))
    }

    @Test func describesPositionsByLineAndMessageNumber() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("junk\nFrom a\nX: 1\n\nbody\n\nFrom b\nX: 2\n\nbody\n", to: "inbox.mbox")
        let items = readAll(try MboxReader(path: path))
        #expect(items.map(\.position.description) == [
            "\(path):1 (before message 1)", "\(path):2 (message 1)", "\(path):7 (message 2)",
        ])
    }
}

/// A file whose first field is written `From  : name` (white space before the colon) is a message, not an mbox.
@Test func aFromFieldWithSpaceBeforeTheColonIsNoEnvelopeLine() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mailroute-from-field-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("message.eml").path
    let text = "From  : John Doe <jdoe@example.com>\nTo: mary@example.net\n\nhello\n"
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    let items = Array(try Mailbox.open(path))
    #expect(items.count == 1)
    #expect(items.first?.entry?.bytes == Array(text.utf8))
    #expect(items.first?.entry?.envelopeSender == nil)
}
