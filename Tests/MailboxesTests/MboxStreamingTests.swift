import Mailboxes
import Testing

@Suite struct MboxStreamingTests {
    /// A message is yielded as soon as the next `From ` line has been read,
    /// before the rest of the mailbox exists: the reader does not need the
    /// whole input. The writer holds the rest back until the first message is out.
    @Test func yieldsEachMessageBeforeTheRestOfTheInputIsWritten() throws {
        let head = "From a\nX: 1\n\nfirst\n\nFrom b\n"
        let tail = "X: 2\n\nsecond\n\n"
        let pipe = try FedPipe([Array(head.utf8), Array(tail.utf8)])
        let reader = MboxReader(fileDescriptor: pipe.readEnd)
        let first = reader.next()
        pipe.openGate()
        let rest = Array(reader)
        #expect(first?.text == "X: 1\n\nfirst\n")
        #expect(rest.map(\.text) == ["X: 2\n\nsecond\n"])
        #expect(pipe.gateEvents == ["opened"])
    }

    /// Through a pipe, reads return uneven pieces; lines and quoting that
    /// straddle them come out whole.
    @Test func readsAnMboxLargerThanItsBufferFromAPipe() throws {
        let body = (0..<40_000).map { $0 % 7 == 0 ? ">From line \($0)" : "line \($0) of the body" }
        let message = "Subject: long\n\n" + body.joined(separator: "\n") + "\n"
        let mbox = (1...3).map { "From sender\($0)@example.com Mon Nov  2 10:00:00 2026\n" + message + "\n" }.joined()
        let pipe = try FedPipe([Array(mbox.utf8)])
        let items = Array(MboxReader(fileDescriptor: pipe.readEnd))
        let unquoted = message.replacingOccurrences(of: "\n>From", with: "\nFrom")
        #expect(mbox.utf8.count > 3 * 256 * 1024)
        #expect(items.map(\.text) == [unquoted, unquoted, unquoted])
        #expect(items.map { $0.entry?.envelopeSender } == (1...3).map { "sender\($0)@example.com" })
        // Each message: its From line, Subject, a blank line, the body, the separating blank line.
        let linesPerMessage = 3 + body.count + 1
        #expect(items.map(\.position.description) == (0..<3).map {
            "<stdin>:\(1 + $0 * linesPerMessage) (message \($0 + 1))"
        })
    }
}
