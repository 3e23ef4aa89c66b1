import Foundation
import Mailboxes
import Testing

/// `MessageReading.headerSection`: only the header section is read, the entry keeps the whole size.
@Suite struct HeaderSectionReadingTests {
    static func maildir(_ files: [String: [UInt8]]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("mailroute-header-\(UUID().uuidString)")
        for sub in ["cur", "new", "tmp"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        for (name, bytes) in files {
            try Data(bytes).write(to: root.appendingPathComponent("new").appendingPathComponent(name))
        }
        return root.path
    }

    @Test(arguments: ["\r\n", "\n"])
    func readsUpToTheBlankLineAndKeepsTheWholeSize(lineEnd: String) throws {
        let header = "From: a@example.com\(lineEnd)Subject: big\(lineEnd)\(lineEnd)"
        let body = String(repeating: "x", count: 100_000)
        let path = try Self.maildir(["1": Array((header + body).utf8)])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let items = Array(try Mailbox.open(path, reading: .headerSection))
        let entry = try #require(items.first?.entry)
        #expect(entry.bytes == Array(header.utf8))
        #expect(entry.size == header.utf8.count + body.utf8.count)
        #expect(entry.isHeaderSectionOnly)
    }

    /// A blank line that falls across two reads (4 KiB first, then the rest of
    /// a 64 KiB buffer, which then grows) is still found.
    @Test(arguments: [
        4 * 1024 - 2, 4 * 1024 - 1, 4 * 1024, 4 * 1024 + 1, 16 * 1024, 64 * 1024 - 1, 64 * 1024, 64 * 1024 + 1,
        200 * 1024,
    ])
    func findsABlankLineAcrossReads(headerLength: Int) throws {
        let filler = "X: " + String(repeating: "y", count: headerLength - 3 - 2) + "\r\n"
        let message = filler + "\r\nbody"
        let path = try Self.maildir(["1": Array(message.utf8)])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let entry = try #require(Array(try Mailbox.open(path, reading: .headerSection)).first?.entry)
        #expect(entry.bytes == Array((filler + "\r\n").utf8))
        #expect(entry.size == message.utf8.count)
    }

    @Test func aMessageWithoutBlankLineIsReadWhole() throws {
        let message = Array("From: a@example.com\nSubject: only a header".utf8)
        let path = try Self.maildir(["1": message])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let entry = try #require(Array(try Mailbox.open(path, reading: .headerSection)).first?.entry)
        #expect(entry.bytes == message)
        #expect(entry.size == message.count)
        #expect(!entry.isHeaderSectionOnly)
    }

    @Test func anEnvelopeLineIsNotCountedInTheSize() throws {
        let message = "From sender@example.com Mon Nov  2 09:00:00 2026\nSubject: s\n\nbody text\n"
        let path = try Self.maildir(["1": Array(message.utf8)])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let whole = try #require(Array(try Mailbox.open(path)).first?.entry)
        let header = try #require(Array(try Mailbox.open(path, reading: .headerSection)).first?.entry)
        #expect(header.size == whole.size)
        #expect(whole.size == whole.bytes.count)
        #expect(header.bytes == Array("Subject: s\n\n".utf8))
    }
}
