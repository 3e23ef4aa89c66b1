import Foundation
import Mailboxes
import Testing

/// Standard input is read from a descriptor, so a pipe stands in for it.
@Suite struct StandardInputReaderTests {
    @Test func readsAMessageLargerThanOneChunkWhole() throws {
        let body = (0..<30_000).map { "line \($0)\r\n" }.joined()
        let message = Array(("Subject: big\r\n\r\n" + body).utf8)
        #expect(message.count > 256 * 1024)
        let pipe = try FedPipe([message])
        let items = Array(StandardInputReader(fileDescriptor: pipe.readEnd))
        #expect(items.count == 1)
        #expect(items.first?.entry?.bytes == message)
        #expect(items.first?.position.description == "<stdin>")
    }

    @Test func readsAnMboxWhenTheInputStartsWithFrom() throws {
        let pipe = try FedPipe([Array("From a\nX: 1\n\none\n\nFrom b\nX: 2\n\ntwo\n\n".utf8)])
        let items = Array(StandardInputReader(fileDescriptor: pipe.readEnd))
        #expect(items.map(\.text) == ["X: 1\n\none\n", "X: 2\n\ntwo\n"])
        #expect(items.map(\.position.description) == ["<stdin>:1 (message 1)", "<stdin>:6 (message 2)"])
    }

    @Test func forcedMboxFramingReportsTextBeforeTheFirstFromLine() throws {
        let pipe = try FedPipe([Array("junk\nFrom a\nX: 1\n\n".utf8)])
        let items = Array(StandardInputReader(fileDescriptor: pipe.readEnd, framing: .mbox))
        #expect(items.first?.problem?.reason == .textBeforeFirstMessage(byteCount: 5, lineCount: 1))
        #expect(items.last?.text == "X: 1\n")
    }

    @Test func forcedSingleMessageFramingKeepsLaterFromLines() throws {
        let pipe = try FedPipe([Array("From a\nX: 1\n\nbody\nFrom b\n".utf8)])
        let items = Array(StandardInputReader(fileDescriptor: pipe.readEnd, framing: .singleMessage))
        #expect(items.map(\.text) == ["X: 1\n\nbody\nFrom b\n"])
        #expect(items.first?.entry?.envelopeSender == "a")
    }

    @Test func reportsEmptyInput() throws {
        let pipe = try FedPipe([])
        let items = Array(StandardInputReader(fileDescriptor: pipe.readEnd))
        #expect(items.map { $0.problem?.reason } == [.emptyFile])
    }

    @Test func reportsAReadError() throws {
        let directory = try TemporaryDirectory()
        let descriptor = open(directory.path, O_RDONLY)
        defer { close(descriptor) }
        let items = Array(StandardInputReader(fileDescriptor: descriptor))
        #expect(items.map { $0.problem?.reason } == [.unreadable(reason: "Is a directory")])
    }

    @Test func leavesTheDescriptorOpen() throws {
        let pipe = try FedPipe([Array("X: 1\n\n".utf8)])
        do {
            let reader = StandardInputReader(fileDescriptor: pipe.readEnd)
            #expect(reader.next()?.text == "X: 1\n\n")
        }
        #expect(fcntl(pipe.readEnd, F_GETFD) != -1)
    }
}
