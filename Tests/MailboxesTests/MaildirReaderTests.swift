import Foundation
import Mailboxes
import Testing

@Suite struct MaildirReaderTests {
    /// A Maildir with a bit of everything. Tests run as root, where `chmod 000`
    /// does not stop a read, so the entries that cannot be read as messages
    /// are a subdirectory, a dangling symbolic link and a link to a file
    /// outside the Maildir (links inside a mailbox are not followed).
    private func makeMaildir(in directory: TemporaryDirectory) throws -> String {
        let root = try directory.makeDirectory("Maildir")
        try directory.write("X: 0\n\nseen, no flags\n", to: "Maildir/cur/1700000000.M1P1.host:2,")
        try directory.write("X: 1\n\nnew one\n", to: "Maildir/new/1700000001.M1P1.host")
        try directory.write("X: 2\n\nflagged\n", to: "Maildir/cur/1700000002.M1P1.host:2,FS")
        try directory.write("From sender@example.com Mon Nov  2 10:00:00 2026\nX: 3\n\nenveloped\n",
                            to: "Maildir/new/1700000003.M1P1.host")
        try directory.write("X: 4\n\nno info suffix\n", to: "Maildir/cur/1700000004.M1P1.host")
        try directory.makeDirectory("Maildir/cur/1700000006.M1P1.host:2,S")
        try FileManager.default.createSymbolicLink(
            atPath: root + "/new/1700000007.M1P1.host", withDestinationPath: root + "/nowhere")
        let outside = try directory.write("X: outside\n\n", to: "outside.eml")
        try FileManager.default.createSymbolicLink(
            atPath: root + "/cur/1700000008.M1P1.host:2,S", withDestinationPath: outside)
        try directory.write([], to: "Maildir/cur/1700000009.M1P1.host:2,S")
        try directory.write("X: tmp\n\n", to: "Maildir/tmp/1700000000.M2P2.host")
        try directory.write("X: hidden\n\n", to: "Maildir/cur/.1700000005.M1P1.host:2,S")
        try directory.write("X: folder\n\n", to: "Maildir/.Sent/cur/1700000005.M3P3.host:2,S")
        return root
    }

    @Test func readsCurAndNewMergedInNameOrderWithTheirFlags() throws {
        let directory = try TemporaryDirectory()
        let root = try makeMaildir(in: directory)
        let items = Array(try MaildirReader(path: root))
        #expect(items.map(\.position.location) == [
            "cur/1700000000.M1P1.host:2,", "new/1700000001.M1P1.host", "cur/1700000002.M1P1.host:2,FS",
            "new/1700000003.M1P1.host", "cur/1700000004.M1P1.host", "cur/1700000006.M1P1.host:2,S",
            "new/1700000007.M1P1.host", "cur/1700000008.M1P1.host:2,S", "cur/1700000009.M1P1.host:2,S",
        ].map { .file(root + "/" + $0) })
        #expect(items.map(\.position.index) == Array(1...9))
        #expect(items.prefix(5).map(\.text) == [
            "X: 0\n\nseen, no flags\n", "X: 1\n\nnew one\n", "X: 2\n\nflagged\n", "X: 3\n\nenveloped\n",
            "X: 4\n\nno info suffix\n",
        ])
        #expect(items.prefix(5).map { $0.entry?.maildirFlags } == ["", nil, "FS", nil, nil])
        #expect(items[3].entry?.envelopeSender == "sender@example.com")
    }

    @Test func reportsWhatCannotBeReadAndGoesOn() throws {
        let directory = try TemporaryDirectory()
        let root = try makeMaildir(in: directory)
        let problems = Array(try MaildirReader(path: root)).suffix(4).map { $0.problem?.reason }
        #expect(problems == [
            .notARegularFile(kind: "a directory"), .notARegularFile(kind: "a symbolic link"),
            .notARegularFile(kind: "a symbolic link"), .emptyFile,
        ])
    }

    @Test func describesAPositionByTheFilePath() throws {
        let directory = try TemporaryDirectory()
        let root = try makeMaildir(in: directory)
        let items = Array(try MaildirReader(path: root))
        #expect(items[2].position.description == root + "/cur/1700000002.M1P1.host:2,FS")
        #expect(items[8].problem?.description
            == root + "/cur/1700000009.M1P1.host:2,S: empty file: there is no message to read")
    }

    @Test func aMaildirWithOnlyNewIsRead() throws {
        let directory = try TemporaryDirectory()
        try directory.write("X: 1\n\n", to: "Maildir/new/1")
        let items = Array(try MaildirReader(path: directory.path + "/Maildir"))
        #expect(items.map(\.text) == ["X: 1\n\n"])
    }

    @Test func aNameInBothCurAndNewIsReadFromCurFirst() throws {
        let directory = try TemporaryDirectory()
        try directory.write("from new\n", to: "Maildir/new/1700000000.same")
        try directory.write("from cur\n", to: "Maildir/cur/1700000000.same")
        let items = Array(try MaildirReader(path: directory.path + "/Maildir"))
        #expect(items.map(\.text) == ["from cur\n", "from new\n"])
    }

    /// Root can list any directory, so the subdirectory that cannot be listed
    /// is a `cur` that is a file.
    @Test func reportsASubdirectoryThatCannotBeListedAndGoesOn() throws {
        let directory = try TemporaryDirectory()
        try directory.write("not a directory", to: "Maildir/cur")
        try directory.write("X: 1\n\n", to: "Maildir/new/1")
        let root = directory.path + "/Maildir"
        let items = Array(try MaildirReader(path: root))
        #expect(items.count == 2)
        #expect(items.first?.problem == MailboxProblem(
            position: SourcePosition(mailbox: root, index: 0, location: .file(root + "/cur")),
            reason: .unreadable(reason: "Not a directory")))
        #expect(items.last?.text == "X: 1\n\n")
        #expect(items.last?.position.index == 1)
    }

    @Test func refusesADirectoryWithoutCurOrNew() throws {
        let directory = try TemporaryDirectory()
        try directory.makeDirectory("plain/tmp")
        let path = directory.path + "/plain"
        let error = MailboxError.formatMismatch(path: path, format: .maildir, kind: "a directory without cur/ or new/")
        #expect(throws: error) { try MaildirReader(path: path) }
    }
}
