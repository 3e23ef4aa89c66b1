import Foundation
import QueueStore
import Testing

/// The spool's records are kept one index file a commit, and read back
/// whole: every spool file with its record, damage named by file and line.
@Suite struct SpoolIndexTests {
    static func storeBatch(_ uidls: [String], in store: QueueStore) throws -> [DeliveryReceipt] {
        let ledger = try store.openLedger(named: "support")
        let batch = ledger.makeBatch()
        for uidl in uidls {
            _ = try batch.add(StoreFixture.delivery(StoreFixture.mail(subject: "Hello", messageID: "<\(uidl)@customer.example>"), uidl: uidl))
        }
        return try batch.commit()
    }

    static func indexes(_ fixture: StoreFixture) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: fixture.storeRoot + "/sidecars/spool").sorted()
    }

    /// A commit of four messages writes one index of four lines, in the
    /// batch's order, named after its first spool file; two commits, two indexes.
    @Test func aCommitWritesOneIndexWithALineForEachSpoolFile() throws {
        let fixture = try StoreFixture("spool-index")
        defer { fixture.remove() }
        let store = try fixture.openStore()
        let first = try Self.storeBatch(["u1", "u2", "u3", "u4"], in: store)
        let firstName = try #require(first.first?.spoolName)
        #expect(try Self.indexes(fixture) == [firstName + ".jsonl"])
        let text = try String(contentsOfFile: fixture.storeRoot + "/sidecars/spool/\(firstName).jsonl", encoding: .utf8)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 4 && text.hasSuffix("}\n"))
        #expect(zip(lines, first).allSatisfy { line, receipt in line.contains("\"file\":\"\(receipt.spoolName ?? "?")\"") })

        _ = try Self.storeBatch(["u5"], in: store)
        #expect(try Self.indexes(fixture).count == 2)
        let entries = try store.spoolEntries().map { try $0.get() }
        #expect(entries.map(\.record.source).sorted { "\($0)" < "\($1)" } == ["u1", "u2", "u3", "u4", "u5"].map { .pop3(uidl: $0) })
        #expect(entries.allSatisfy { $0.path.hasSuffix("/spool/new/" + $0.record.file) && $0.name == $0.record.file })
    }

    /// A spool sidecar of one record (as stores kept them before the
    /// indexes) reads as an index of one; a spool file a mail tool moved to
    /// `cur/` is still found.
    @Test func aSingleRecordSidecarAndASpoolFileInCurAreRead() throws {
        let fixture = try StoreFixture("spool-single")
        defer { fixture.remove() }
        let store = try fixture.openStore()
        let receipts = try Self.storeBatch(["u1", "u2"], in: store)
        let index = fixture.storeRoot + "/sidecars/spool/\(try #require(receipts.first?.spoolName)).jsonl"
        let lines = try String(contentsOfFile: index, encoding: .utf8).split(separator: "\n")
        let second = try #require(receipts.last?.spoolName)
        try FileManager.default.removeItem(atPath: index)
        try Data((lines[0] + "\n").utf8).write(to: URL(fileURLWithPath: index))
        try Data((lines[1] + "\n").utf8).write(to: URL(fileURLWithPath: fixture.storeRoot + "/sidecars/spool/\(second).json"))
        try FileManager.default.moveItem(
            atPath: fixture.storeRoot + "/spool/new/" + second, toPath: fixture.storeRoot + "/spool/cur/" + second + ":2,S")
        let entries = try store.spoolEntries().map { try $0.get() }
        #expect(entries.count == 2)
        let moved = try #require(entries.first { $0.record.file == second })
        #expect(moved.path.hasSuffix("/spool/cur/" + second + ":2,S") && moved.record.source == .pop3(uidl: "u2"))
        #expect(try moved.bytes() == StoreFixture.mail(subject: "Hello", messageID: "<u2@customer.example>"))
    }

    /// A damaged line and a record whose spool file is gone are errors that
    /// name the index and the line; the records around them are still read.
    @Test func damageIsNamedByIndexAndLineAndTheRestIsRead() throws {
        let fixture = try StoreFixture("spool-damage")
        defer { fixture.remove() }
        let store = try fixture.openStore()
        let receipts = try Self.storeBatch(["u1", "u2", "u3"], in: store)
        let index = fixture.storeRoot + "/sidecars/spool/\(try #require(receipts.first?.spoolName)).jsonl"
        var lines = try String(contentsOfFile: index, encoding: .utf8).split(separator: "\n").map(String.init)
        lines[0] = "{\"format\":1,\"id\":"
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: index))
        try FileManager.default.removeItem(atPath: fixture.storeRoot + "/spool/new/" + (receipts[1].spoolName ?? "?"))
        let results = Array(store.spoolEntries())
        #expect(results.count == 3)
        let errors = results.compactMap { result -> String? in
            if case .failure(let error) = result { return "\(error)" }
            return nil
        }
        #expect(errors.count == 2)
        #expect(errors.first.map { $0.contains(index + " line 1") && $0.contains("not JSON") } == true, "\(errors)")
        #expect(errors.last.map { $0.contains(index + " line 2") && $0.contains("in neither new/ nor cur/") } == true, "\(errors)")
        #expect(try results.last?.get().record.source == .pop3(uidl: "u3"))
    }
}
