import Foundation
import Mailboxes
import Testing

/// Readers checked against the synthetic corpus generator: the same seed
/// written in different formats must read back as the same messages.
@Suite struct GeneratedCorpusTests {
    /// About 23 MB, three messages over 5 MB. The generator writes its mbox
    /// with LF line ends (and mboxrd quoting, undone by reading), its `.eml`
    /// files with CRLF: each mbox message must equal its `.eml` file with
    /// CRLF turned into LF, byte for byte.
    @Test func aTwentyMegabyteMboxHoldsTheSameMessagesAsTheEmlFiles() throws {
        let directory = try TemporaryDirectory()
        let mbox = directory.path + "/corpus.mbox", eml = directory.path + "/eml"
        try SharedFixtures.generate(count: 30, seed: 7, format: "mbox", bigEvery: 10, to: mbox)
        try SharedFixtures.generate(count: 30, seed: 7, format: "eml", bigEvery: 10, to: eml)
        let size = try FileManager.default.attributesOfItem(atPath: mbox)[.size] as? Int
        #expect(size ?? 0 > 20_000_000)
        let names = try FileManager.default.contentsOfDirectory(atPath: eml).sorted()
        #expect(names.count == 30)

        var compared = 0
        for (item, name) in zip(try MboxReader(path: mbox), names) {
            let entry = try #require(item.entry, "\(item.position) should be a message")
            let file = try Data(contentsOf: URL(fileURLWithPath: eml + "/" + name))
            let expected = String(decoding: file, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
            #expect(entry.bytes == Array(expected.utf8), "message \(entry.position.index) differs from \(name)")
            #expect(entry.envelopeSender == "MAILER-DAEMON")
            #expect(entry.mayBeTruncated == false)
            compared += 1
        }
        #expect(compared == 30)
    }

    /// Maildir and `.eml` files of the same seed are written byte for byte
    /// alike, so both readers must yield identical bytes, in the same order.
    @Test func maildirAndEmlDirectoryOfTheSameSeedReadAlike() throws {
        let directory = try TemporaryDirectory()
        let maildir = directory.path + "/Maildir", eml = directory.path + "/eml"
        try SharedFixtures.generate(count: 50, seed: 3, format: "maildir", bigEvery: 0, to: maildir)
        try SharedFixtures.generate(count: 50, seed: 3, format: "eml", bigEvery: 0, to: eml)

        let fromMaildir = Array(try MaildirReader(path: maildir))
        let fromEml = Array(try MessageDirectoryReader(path: eml))
        #expect(fromMaildir.count == 50)
        #expect(fromMaildir.compactMap(\.entry).count == 50)
        #expect(fromMaildir.map { $0.entry?.bytes } == fromEml.map { $0.entry?.bytes })
        #expect(fromMaildir.map { $0.entry?.maildirFlags } == Array(repeating: nil, count: 50))
        #expect(fromEml.last?.position.location == .file(eml + "/000049.eml"))
    }
}
