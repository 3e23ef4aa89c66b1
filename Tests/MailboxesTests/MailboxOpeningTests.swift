import Foundation
import Mailboxes
import Testing

@Suite struct MailboxOpeningTests {
    @Test func detectsEachFormat() throws {
        let directory = try TemporaryDirectory()
        let mbox = try directory.write("From a\nX: 1\n\n", to: "inbox.mbox")
        let message = try directory.write("X: 1\n\nFrom the body\n", to: "one.eml")
        let short = try directory.write("Fro", to: "short.eml")
        let empty = try directory.write([], to: "empty")
        try directory.write("X: 1\n\n", to: "Maildir/new/1")
        try directory.write("X: 1\n\n", to: "Messages/deep/down/1.eml")
        let link = directory.path + "/link.mbox"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: mbox)

        #expect(try Mailbox.open("-") is StandardInputReader)
        #expect(try Mailbox.open(mbox) is MboxReader)
        #expect(try Mailbox.open(link) is MboxReader)
        #expect(try Mailbox.open(message) is MessageFileReader)
        #expect(try Mailbox.open(short) is MessageFileReader)
        #expect(try Mailbox.open(empty) is MessageFileReader)
        #expect(try Mailbox.open(directory.path + "/Maildir") is MaildirReader)
        #expect(try Mailbox.open(directory.path + "/Messages") is MessageDirectoryReader)
    }

    @Test func detectedReadersReadTheMailbox() throws {
        let directory = try TemporaryDirectory()
        let mbox = try directory.write("From a\nX: 1\n\none\n\nFrom b\nX: 2\n\ntwo\n", to: "inbox.mbox")
        let message = try directory.write("X: 1\n\nFrom the body\n", to: "one.eml")
        #expect(Array(try Mailbox.open(mbox)).map(\.text) == ["X: 1\n\none\n", "X: 2\n\ntwo"])
        #expect(Array(try Mailbox.open(message)).map(\.text) == ["X: 1\n\nFrom the body\n"])
    }

    @Test func aPipeIsDecidedOnItsFirstBytes() throws {
        let directory = try TemporaryDirectory()
        let fifo = directory.path + "/fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(try Mailbox.open(fifo) is StandardInputReader)
    }

    @Test func aDirectoryWithoutMessagesIsNotAMailbox() throws {
        let directory = try TemporaryDirectory()
        try directory.write("not a message", to: "docs/readme.txt")
        try directory.write("X: 1\n\n", to: "docs/.hidden/1.eml")
        let path = directory.path + "/docs"
        let error = MailboxError.noMessagesFound(directory: path)
        #expect(throws: error) { try Mailbox.open(path) }
        #expect(error.description == "not a mailbox: \(path) has no cur/ or new/ and no .eml files")
    }

    @Test func aMissingPathIsNotFound() throws {
        let directory = try TemporaryDirectory()
        let missing = directory.path + "/missing.mbox"
        let dangling = directory.path + "/dangling.mbox"
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: missing)
        #expect(throws: MailboxError.notFound(path: missing)) { try Mailbox.open(missing) }
        #expect(throws: MailboxError.notFound(path: dangling)) { try Mailbox.open(dangling) }
        #expect(MailboxError.notFound(path: missing).description == "mailbox not found: \(missing) does not exist")
    }

    @Test func aForcedFormatOverridesDetection() throws {
        let directory = try TemporaryDirectory()
        let saved = try directory.write("From a\nX: 1\n\nbody\nFrom b\n", to: "saved.eml")
        let plain = try directory.write("X: 1\n\n", to: "plain.eml")
        let forcedMessage = Array(try Mailbox.open(saved, as: .messageFile))
        #expect(forcedMessage.map(\.text) == ["X: 1\n\nbody\nFrom b\n"])
        let forcedMbox = Array(try Mailbox.open(plain, as: .mbox))
        #expect(forcedMbox.map { $0.problem?.reason } == [.textBeforeFirstMessage(byteCount: 6, lineCount: 2)])
        #expect(try Mailbox.open(directory.path, as: .messageDirectory) is MessageDirectoryReader)
        #expect(try Mailbox.open("-", as: .mbox) is StandardInputReader)
    }

    @Test func aForcedFormatThatCannotApplyIsRefused() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("X: 1\n\n", to: "one.eml")
        #expect(throws: MailboxError.formatMismatch(path: directory.path, format: .mbox, kind: "a directory")) {
            try Mailbox.open(directory.path, as: .mbox)
        }
        #expect(throws: MailboxError.formatMismatch(path: file, format: .maildir, kind: "a regular file")) {
            try Mailbox.open(file, as: .maildir)
        }
        let stdin = MailboxError.formatMismatch(path: "-", format: .messageDirectory, kind: "standard input")
        #expect(throws: stdin) { try Mailbox.open("-", as: .messageDirectory) }
        #expect(stdin.description
            == "not a mailbox: - is standard input, which cannot be read as a directory of .eml files")
    }

    @Test func aSocketIsNotAMailbox() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/socket"
        let socketDescriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socketDescriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (offset, byte) in path.utf8.prefix(raw.count - 1).enumerated() { raw[offset] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        try #require(bound == 0)
        #expect(throws: MailboxError.unsupportedFileKind(path: path, kind: "a socket or block device")) {
            try Mailbox.open(path)
        }
    }
}
