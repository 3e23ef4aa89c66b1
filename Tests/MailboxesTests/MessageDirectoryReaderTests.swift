import Foundation
import Mailboxes
import Testing

@Suite struct MessageDirectoryReaderTests {
    /// The mail-gem corpus: every `.eml` file below it (what
    /// `find -name '*.eml'` lists), in byte order of the path, each read whole.
    @Test func readsEveryEmlFileOfTheCorpusInPathOrder() throws {
        let corpus = SharedFixtures.mailGemCorpus
        let enumerator = try #require(FileManager.default.enumerator(atPath: corpus))
        let expected = enumerator.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".eml") }
            .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        #expect(expected.count > 90)

        let items = Array(try MessageDirectoryReader(path: corpus))
        #expect(items.map(\.position.location) == expected.map { .file(corpus + "/" + $0) })
        #expect(items.map(\.position.index) == Array(1...expected.count))
        for (item, relative) in zip(items, expected) {
            let entry = try #require(item.entry, "\(item.position) should be a message")
            let file = [UInt8](try Data(contentsOf: URL(fileURLWithPath: corpus + "/" + relative)))
            if file.starts(with: Array("From ".utf8)), file.count > 5, ![0x20, 0x09, UInt8(ascii: ":")].contains(file[5]) {
                // Saved from an mbox: the envelope line is moved out of the message.
                let lineEnd = try #require(file.firstIndex(of: 0x0A))
                #expect(entry.bytes == Array(file[(lineEnd + 1)...]), "\(relative)")
                #expect(entry.envelopeSender != nil, "\(relative)")
            } else {
                #expect(entry.bytes == file, "\(relative)")
                #expect(entry.envelopeSender == nil, "\(relative)")
            }
        }
    }

    @Test func readsOnlyEmlFilesRecursivelyInByteOrder() throws {
        let directory = try TemporaryDirectory()
        for name in ["b.eml", "a/z.eml", "a.eml", "A/c.EML", "dir.eml/inner.eml"] {
            try directory.write("X: \(name)\n\n", to: "tree/" + name)
        }
        try directory.write("not a message", to: "tree/notes.txt")
        try directory.write("X: hidden\n\n", to: "tree/.hidden.eml")
        try directory.write("X: git\n\n", to: "tree/.git/object.eml")
        try directory.write([], to: "tree/empty.eml")
        try FileManager.default.createSymbolicLink(
            atPath: directory.path + "/tree/link.eml", withDestinationPath: directory.path + "/tree/b.eml")
        let root = directory.path + "/tree"

        let items = Array(try MessageDirectoryReader(path: root))
        let order = ["A/c.EML", "a.eml", "a/z.eml", "b.eml", "dir.eml/inner.eml", "empty.eml", "link.eml"]
        #expect(items.map(\.position.location) == order.map { .file(root + "/" + $0) })
        #expect(items.prefix(5).map(\.text) == order.prefix(5).map { "X: \($0)\n\n" })
        #expect(items.suffix(2).map { $0.problem?.reason } == [.emptyFile, .notARegularFile(kind: "a symbolic link")])
    }

    /// File names are bytes: one that is not UTF-8 must still be opened.
    @Test func readsAFileWhoseNameIsNotUTF8() throws {
        let directory = try TemporaryDirectory()
        let name: [UInt8] = Array("caf".utf8) + [0xE9] + Array(".eml".utf8)
        let path = Array(directory.path.utf8) + [UInt8(ascii: "/")] + name + [0]
        let descriptor = path.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) }
        }
        #expect(descriptor >= 0)
        _ = "X: 1\n\ncafé\n".utf8CString.withUnsafeBufferPointer { write(descriptor, $0.baseAddress, $0.count - 1) }
        close(descriptor)

        let items = Array(try MessageDirectoryReader(path: directory.path))
        #expect(items.map(\.text) == ["X: 1\n\ncafé\n"])
        #expect(items.first?.position.description == directory.path + "/caf\u{FFFD}.eml")
    }

    @Test func refusesAFile() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("X: 1\n\n", to: "one.eml")
        #expect(throws: MailboxError.formatMismatch(path: path, format: .messageDirectory, kind: "a regular file")) {
            try MessageDirectoryReader(path: path)
        }
    }
}
