import Foundation
import Mailboxes
import Testing

/// `nextListed()`: directory readers hand out files to read later, on any
/// thread and in any order, and what is read is what `next()` would give.
@Suite struct ListedEntryTests {
    /// Lists every entry, then reads the unread ones on another thread, last first.
    private func listedThenReadBackwards(_ reader: some MailboxReader) -> [Seen] {
        var listed: [ListedItem] = []
        while let item = reader.nextListed() { listed.append(item) }
        let results = ReadResults(count: listed.count)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread { [listed] in
            let buffer = ReadBuffer()
            for index in listed.indices.reversed() {
                switch listed[index] {
                case .item(let item): results.set(index, Seen(item))
                case .unread(let entry): results.set(index, Seen(entry.read(using: buffer)))
                }
            }
            done.signal()
        }
        thread.start()
        done.wait()
        return results.all
    }

    @Test func aMaildirListedAndReadElsewhereGivesWhatReadingGives() throws {
        let directory = try TemporaryDirectory()
        let root = try directory.makeDirectory("Maildir")
        try directory.write("X: 0\n\nseen\n", to: "Maildir/cur/1700000000.M1P1.host:2,S")
        try directory.write("X: 1\n\nnew one\n", to: "Maildir/new/1700000001.M1P1.host")
        try directory.makeDirectory("Maildir/cur/1700000002.M1P1.host:2,")
        try directory.write([], to: "Maildir/cur/1700000003.M1P1.host:2,")
        try directory.write("X: 4\n\nbody\n", to: "Maildir/new/1700000004.M1P1.host")

        let read = Array(try MaildirReader(path: root)).map(Seen.init)
        let listed = listedThenReadBackwards(try MaildirReader(path: root))
        #expect(listed == read)
        #expect(listed.map(\.position.index) == Array(1...5))
        #expect(listed.compactMap(\.problem).count == 2)
    }

    @Test func theMailGemCorpusReadsTheSameWholeAndByHeaderSection() throws {
        for reading in [MessageReading.whole, .headerSection] {
            let corpus = SharedFixtures.mailGemCorpus
            let read = Array(try MessageDirectoryReader(path: corpus, reading: reading)).map(Seen.init)
            let listed = listedThenReadBackwards(try MessageDirectoryReader(path: corpus, reading: reading))
            #expect(read.count > 90)
            #expect(listed == read, "reading \(reading)")
        }
    }

    @Test func anMboxIsReadAsItIsListed() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(
            "From a@example.com Mon Nov  2 10:00:00 2026\nX: 1\n\none\n\nFrom b@example.com Mon Nov  2 10:00:01 2026\nX: 2\n\ntwo\n\n",
            to: "box.mbox")
        let reader = try Mailbox.open(path)
        var texts: [String] = []
        while let listed = reader.nextListed() {
            guard case .item(let item) = listed else {
                Issue.record("an mbox entry was handed out unread")
                continue
            }
            texts.append(item.text ?? "")
        }
        #expect(texts == ["X: 1\n\none\n", "X: 2\n\ntwo\n"])
    }
}

/// What a test compares of an item: where it is, and its bytes and flags or its problem.
private struct Seen: Equatable, Sendable {
    var position: SourcePosition
    var bytes: [UInt8]?
    var flags: String?
    var size: Int?
    var problem: MailboxProblem?

    init(_ item: MailboxItem) {
        position = item.position
        bytes = item.entry?.bytes
        flags = item.entry?.maildirFlags
        size = item.entry?.size
        problem = item.problem
    }
}

/// Results written by one thread and read by another after a semaphore.
private final class ReadResults: @unchecked Sendable {
    // @unchecked: written by one thread before `done.signal()`, read only after `done.wait()`.
    private var seen: [Seen?]

    init(count: Int) { seen = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Seen) { seen[index] = value }

    var all: [Seen] { seen.compactMap { $0 } }
}
