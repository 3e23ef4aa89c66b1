import Foundation
import Mailboxes
import Testing

/// A message over the size limit is reported and skipped, never held whole,
/// and the reading goes on.
@Suite struct SizeLimitTests {
    @Test func anMboxMessageOverTheLimitIsSkipped() throws {
        let directory = try TemporaryDirectory()
        let mbox = "From a\n123456789\n\n" + "From b\n1234567890\n\n" + "From c\r\n12345678\r\n\r\n" + "From d\nok\n"
        let path = try directory.write(mbox, to: "inbox.mbox")
        let items = Array(try MboxReader(path: path, maximumMessageSize: 10))
        #expect(items.map(\.text) == ["123456789\n", nil, "12345678\r\n", "ok"])
        #expect(items[1].problem?.reason == .tooLarge(limit: 10))
        #expect(items[1].position.index == 2)
    }

    @Test func aMessageFileOverTheLimitIsReportedNotRead() throws {
        let directory = try TemporaryDirectory()
        let fits = try directory.write("1234567890", to: "fits.eml")
        let over = try directory.write("12345678901", to: "over.eml")
        #expect(try MessageFileReader(path: fits, maximumMessageSize: 10).next()?.text == "1234567890")
        let overItem = try MessageFileReader(path: over, maximumMessageSize: 10).next()
        #expect(overItem?.problem?.reason == .tooLarge(limit: 10))
    }

    /// A sparse file claims 64 GiB: it is refused on its size, before any
    /// memory is taken for it, and the next file is read.
    @Test func aSparseFileClaimingGigabytesIsSkipped() throws {
        let directory = try TemporaryDirectory()
        let sparse = try directory.write("X: 1\n\n", to: "Maildir/new/1")
        try directory.write("X: 2\n\n", to: "Maildir/new/2")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: sparse))
        try handle.truncate(atOffset: 64 << 30)
        try handle.close()
        let items = Array(try MaildirReader(path: directory.path + "/Maildir"))
        #expect(items.first?.problem?.reason == .tooLarge(limit: Mailbox.defaultMaximumMessageSize))
        #expect(items.last?.text == "X: 2\n\n")
    }

    @Test func standardInputOverTheLimitIsReported() throws {
        let pipe = try FedPipe([Array(repeating: UInt8(ascii: "x"), count: 300_000)])
        let items = Array(StandardInputReader(fileDescriptor: pipe.readEnd, maximumMessageSize: 100_000))
        #expect(items.map { $0.problem?.reason } == [.tooLarge(limit: 100_000)])
    }
}
