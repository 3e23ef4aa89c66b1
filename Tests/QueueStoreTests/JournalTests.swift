import Foundation
@testable import QueueStore
import Testing

/// The ledger's journal: a record is there whole or not at all, damage is
/// never mistaken for a torn tail, and reopening compacts it.
@Suite struct JournalTests {
    static func store(_ uidls: [String], in store: QueueStore) throws {
        let ledger = try store.openLedger(named: "support")
        for uidl in uidls {
            let batch = ledger.makeBatch()
            _ = try batch.add(LedgerTests.pop3(uidl))
            _ = try batch.commit()
        }
    }

    static func journal(_ fixture: StoreFixture) -> String { fixture.storeRoot + "/sources/support/journal" }

    static func append(_ text: String, to path: String) throws {
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    /// A last record cut short, or failing its checksum, was never committed:
    /// it is dropped (and cut from the file), and the ledger goes on.
    @Test(arguments: ["begin\nstored pop3 u2\n", "begin\nstored pop3 u2\nend 0000", "begin\nstored pop3 u2\nend 00000000\n"])
    func aTornLastRecordIsDropped(_ tail: String) throws {
        let fixture = try StoreFixture("torn")
        defer { fixture.remove() }
        let store = try fixture.openStore()
        try Self.store(["u1"], in: store)
        try Self.append(tail, to: Self.journal(fixture))
        do {
            let ledger = try store.openLedger(named: "support")
            #expect(ledger.contains(.pop3(uidl: "u1")) && !ledger.contains(.pop3(uidl: "u2")))
            let text = String(decoding: try #require(FileManager.default.contents(atPath: Self.journal(fixture))), as: UTF8.self)
            #expect(!text.contains("u2") && text.hasSuffix("\n"))
        }
        try Self.store(["u3"], in: store)
        let ledger = try store.openLedger(named: "support")
        #expect(ledger.count == 2 && ledger.contains(.pop3(uidl: "u3")))
    }

    /// Damage followed by a whole record is not a crash's torn tail: opening
    /// fails and says where, rather than storing mail twice.
    @Test func damageBeforeTheLastRecordIsAnError() throws {
        let fixture = try StoreFixture("corrupt")
        defer { fixture.remove() }
        let store = try fixture.openStore()
        try Self.store(["u1", "u2"], in: store)
        var text = String(decoding: try #require(FileManager.default.contents(atPath: Self.journal(fixture))), as: UTF8.self)
        text = text.replacingOccurrences(of: "stored pop3 u1", with: "stored pop3 v1")
        try Data(text.utf8).write(to: URL(fileURLWithPath: Self.journal(fixture)))
        #expect {
            try store.openLedger(named: "support")
        } throws: { error in
            guard case StoreError.corruptJournal(let path, let offset, let reason) = error else { return false }
            return path == Self.journal(fixture) && offset == "mailroute-ledger 1\n".utf8.count
                && reason.contains("checksum") && "\(error)".contains("damaged at byte 19")
        }
    }

    /// Reopening rewrites the journal as one record without moves, holding the same ledger.
    @Test func reopeningCompactsTheJournal() throws {
        let fixture = try StoreFixture("compact")
        defer { fixture.remove() }
        let store = try fixture.openStore()
        try Self.store(["u1", "u2", "u3"], in: store)
        let before = String(decoding: try #require(FileManager.default.contents(atPath: Self.journal(fixture))), as: UTF8.self)
        #expect(before.components(separatedBy: "\nbegin\n").count == 4 && before.contains("\nmove "))
        let ledger = try store.openLedger(named: "support")
        let after = String(decoding: try #require(FileManager.default.contents(atPath: Self.journal(fixture))), as: UTF8.self)
        #expect(after.components(separatedBy: "\nbegin\n").count == 2 && !after.contains("\nmove "))
        #expect(after.contains("\nnext 4\n"))
        #expect(ledger.count == 3 && ledger.containsMessageID("<u2@customer.example>"))
    }

    /// The journal's lines, byte for byte: a journal written by one build is
    /// read by the next, so the format is pinned here, and every kind of
    /// entry reads back as written.
    @Test func everyKindOfEntryIsWrittenAsTheFormatSaysAndReadsBack() {
        let entries: [JournalEntry] = [
            .stored(.imap(uidValidity: 1_700_000_000, uid: 0)),
            .stored(.imap(uidValidity: .max, uid: 42)),
            .forgot(.pop3(uidl: "Grüße %-")),
            .broke(.file(path: "", position: "inbox.mbox:120")),
            .messageID("<a b@x>"),
            .place(FilePlacement(kind: .move, staged: "7-1.json", destination: "sidecars/queues/billing/n.json")),
            .place(FilePlacement(kind: .link, staged: "7-s", destination: "queues/billing/new/n")),
            .next(0),
            .next(UInt64.max),
        ]
        let record = JournalFormat.record(entries)
        let lines = """
            begin
            stored imap 1700000000 0
            stored imap 4294967295 42
            forgot pop3 Grüße%20%25-
            broke file %- inbox.mbox:120
            message-id <a%20b@x>
            move 7-1.json sidecars/queues/billing/n.json
            link 7-s queues/billing/new/n
            next 0
            next 18446744073709551615

            """
        #expect(String(decoding: record.prefix(record.count - "end 12345678\n".utf8.count), as: UTF8.self) == lines)
        var read: [[JournalEntry]] = []
        let parsed = JournalFormat.parse(JournalFormat.header + record) { read.append($0) }
        #expect((try? parsed.get())?.records == 1)
        #expect(read == [entries])
    }

    /// Identities with spaces, percent signs, line breaks and non-ASCII text
    /// survive the journal.
    @Test func unusualIdentitiesSurviveTheJournal() throws {
        let fixture = try StoreFixture("escaping")
        defer { fixture.remove() }
        let store = try fixture.openStore()
        let identities: [SourceIdentity] = [
            .file(path: "/var/mail/a b/%41\n", position: "Maildir/cur/1.M2:2,S"),
            .file(path: "", position: "inbox.mbox:120 (message 3)"),
            .pop3(uidl: "Grüße-%-\u{7F}"),
        ]
        do {
            let ledger = try store.openLedger(named: "support")
            let batch = ledger.makeBatch()
            for (index, identity) in identities.enumerated() {
                var delivery = LedgerTests.pop3("x\(index)")
                delivery.identity = identity
                #expect(try batch.add(delivery) == .stored)
            }
            _ = try batch.commit()
        }
        let ledger = try store.openLedger(named: "support")
        #expect(ledger.count == identities.count)
        for identity in identities { #expect(ledger.contains(identity), "\(identity)") }
        let records = try store.spoolEntries().map { try $0.get().record.source }
        #expect(Set(records) == Set(identities))
    }
}
