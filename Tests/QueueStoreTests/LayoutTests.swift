import Foundation
import Mailboxes
import MessageModel
import Pipeline
import QueueStore
import Testing

/// The store's directories are Maildirs any mail tool can open.
@Suite struct LayoutTests {
    /// Stores the whole corpus, then reads each queue and the spool back with
    /// the Mailboxes module's Maildir reader: every message comes back byte
    /// for byte, as the pipeline decided it (the spool as fetched).
    @Test func queuesAndSpoolAreMaildirsWithTheStoredBytes() throws {
        let fixture = try StoreFixture("layout")
        defer { fixture.remove() }
        let store = try fixture.openStore()
        let ledger = try store.openLedger(named: "support")
        let batch = ledger.makeBatch()
        var expected: [String: [UInt8]] = [:]  // file name → bytes
        var expectedSpool: [String: [UInt8]] = [:]
        var deliveries = StoreFixture.corpusDeliveries
        for index in deliveries.indices { deliveries[index].checksDuplicateMessageID = false }
        for delivery in deliveries { #expect(try batch.add(delivery) == .stored) }
        let receipts = try batch.commit()
        #expect(receipts.count == deliveries.count)
        for (receipt, delivery) in zip(receipts, deliveries) {
            #expect(receipt.outcome == .stored)
            let spoolName = try #require(receipt.spoolName)
            expectedSpool[spoolName] = delivery.message.bytes
            #expect(receipt.interactions.count == delivery.decision.interactions.count)
            for (file, interaction) in zip(receipt.interactions, delivery.decision.interactions) {
                #expect(file.queue == interaction.queue)
                // Corpus messages without a ticket subject have no header edits: stored as received.
                if interaction.headerEdits.isEmpty { expected[file.name] = interaction.message.bytes }
            }
        }
        #expect(!expected.isEmpty)

        var seen = 0
        for queue in try store.queueNames() {
            let reader = try MaildirReader(path: try store.maildirPath(ofQueue: queue))
            while let item = reader.next() {
                guard case .message(let entry) = item else {
                    Issue.record("the Maildir reader reports a problem in queue \(queue): \(item)")
                    continue
                }
                guard case .file(let path) = entry.position.location else { continue }
                let name = String(path.split(separator: "/").last ?? "")
                if let bytes = expected[name] {
                    #expect(Self.asRead(bytes, entry) == entry.bytes, "queue \(queue), \(name)")
                    seen += 1
                }
            }
        }
        #expect(seen == expected.count)

        let spoolReader = try MaildirReader(path: store.spoolPath)
        var spoolSeen = 0
        while let item = spoolReader.next() {
            guard case .message(let entry) = item, case .file(let path) = entry.position.location else {
                Issue.record("the Maildir reader reports a problem in the spool: \(item)")
                continue
            }
            let name = String(path.split(separator: "/").last ?? "")
            #expect(expectedSpool[name].map { Self.asRead($0, entry) } == entry.bytes, "spool \(name)")
            spoolSeen += 1
        }
        #expect(spoolSeen == deliveries.count)
    }

    /// The bytes a reader gives for a file holding `bytes`: a leading mbox
    /// `From ` line is not part of the message and goes to `envelopeSender`.
    static func asRead(_ bytes: [UInt8], _ entry: MailboxEntry) -> [UInt8] {
        guard entry.envelopeSender != nil, let newline = bytes.firstIndex(of: 10) else { return bytes }
        return Array(bytes[(newline + 1)...])
    }

    /// Queue names become escaped directory names and come back unchanged;
    /// each queue directory is a Maildir with tmp/, new/ and cur/.
    @Test func queueNamesAreEscapedAndListed() throws {
        let fixture = try StoreFixture("names")
        defer { fixture.remove() }
        let store = try fixture.openStore()
        let ledger = try store.openLedger(named: "support@acme.example")
        let batch = ledger.makeBatch()
        #expect(try batch.add(StoreFixture.delivery(StoreFixture.mail(subject: "EU order"), uidl: "1")) == .stored)
        #expect(try batch.add(StoreFixture.delivery(StoreFixture.mail(subject: "Invoice", messageID: "<2@x>"), uidl: "2")) == .stored)
        _ = try batch.commit()
        #expect(try store.queueNames() == ["Support Team/EU", "billing"])
        let path = try store.maildirPath(ofQueue: "Support Team/EU")
        #expect(path.hasSuffix("/queues/Support%20Team%2FEU"))
        for part in ["tmp", "new", "cur"] {
            var isDirectory: ObjCBool = false
            #expect(FileManager.default.fileExists(atPath: path + "/" + part, isDirectory: &isDirectory) && isDirectory.boolValue)
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: path + "/new")
        #expect(names.count == 1)
        // Maildir names: time.unique.host, without ':' or '/' in the unique part.
        let parts = try #require(names.first).split(separator: ".", maxSplits: 2)
        #expect(parts.count == 3 && parts[0] == "1714555800" && parts[1] == "Lsupport%40acme%2EexampleN1C1")
    }

    /// A directory that holds something else is refused, with a message naming it.
    @Test func aForeignDirectoryIsNotTakenOver() throws {
        let fixture = try StoreFixture("foreign")
        defer { fixture.remove() }
        try FileManager.default.createDirectory(atPath: fixture.storeRoot, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: fixture.storeRoot + "/thesis.tex", contents: Data("x".utf8))
        #expect(throws: StoreError.notAStore(path: fixture.storeRoot, found: "it holds thesis.tex")) {
            try fixture.openStore()
        }
        // A new directory, or one already a store, opens.
        let other = fixture.directory + "/other"
        _ = try QueueStore(root: other)
        _ = try QueueStore(root: other)
    }
}
