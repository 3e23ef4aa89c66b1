import Foundation
import MessageModel
import Pipeline
import QueueStore
import Testing

/// Each interaction's sidecar says what the pipeline decided and where the
/// message came from; the stored message carries the decided header.
@Suite struct SidecarTests {
    /// Stores one delivery and returns the store, its receipt and the fixture.
    static func storeOne(_ delivery: Delivery, _ name: String) throws -> (StoreFixture, QueueStore, DeliveryReceipt) {
        let fixture = try StoreFixture(name)
        let store = try fixture.openStore()
        let ledger = try store.openLedger(named: "support")
        let batch = ledger.makeBatch()
        #expect(try batch.add(delivery) == .stored)
        let receipt = try #require(try batch.commit().first)
        return (fixture, store, receipt)
    }

    static func json(_ path: String) throws -> [String: Any] {
        let data = try #require(FileManager.default.contents(atPath: path))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Tags, attributes, queue, trace and source land in the sidecar; the
    /// rule's header edits are applied to the stored message, not to the spool copy.
    @Test func sidecarAndMessageCarryTheDecision() throws {
        let raw = StoreFixture.mail(subject: "[T-42] Invoice please", extra: "X-Remove-Me: yes\n  folded on\n")
        let (fixture, store, receipt) = try Self.storeOne(StoreFixture.delivery(raw, uidl: "u1"), "sidecar")
        defer { fixture.remove() }
        let file = try #require(receipt.interactions.first)
        #expect(file.queue == "billing")
        let maildir = try store.maildirPath(ofQueue: "billing")
        let sidecar = try Self.json(fixture.storeRoot + "/sidecars/queues/billing/\(file.name).json")
        #expect(sidecar["format"] as? Int == 1)
        #expect(sidecar["id"] as? String == "support/pop3:u1/1")
        #expect(sidecar["file"] as? String == file.name)
        #expect(sidecar["queue"] as? String == "billing")
        #expect(sidecar["mailbox"] as? String == "support")
        #expect(sidecar["message_id"] as? String == "<m1@customer.example>")
        #expect(sidecar["interaction"] as? Int == 1 && sidecar["interactions"] as? Int == 1)
        #expect(sidecar["tags"] as? [String] == ["ticket-T-42"])
        #expect(sidecar["attributes"] as? [[String: String]] == [["name": "Ticket", "value": "T-42"]])
        #expect(sidecar["stripped"] as? Bool == false)
        #expect(sidecar["copy_recipient"] is NSNull)
        #expect(
            sidecar["header_edits"] as? [String]
                == ["set-header X-Ticket: T-42", "remove-header X-Remove-Me", "add-header X-Greeting: Grüße aus Köln"])
        let trace = try #require(sidecar["trace"] as? [String])
        #expect(trace.contains { $0.hasPrefix("tagging: rule \"ticket\"") && $0.contains("matched") })
        #expect(trace.contains { $0.hasPrefix("routing: rule \"invoice\"") })
        #expect(!trace.contains { $0.contains("rule \"eu\"") }, "rules that did not match are left out of the summary")
        #expect(sidecar["source"] as? [String: String] == ["ledger": "support", "kind": "pop3", "uidl": "u1"])
        #expect(sidecar["received"] as? String == "2024-05-01T09:30:00.250Z")
        #expect(sidecar["received_unix_ms"] as? Int == 1_714_555_800_250)
        #expect(sidecar["spool"] as? String == receipt.spoolName)

        let stored = try #require(FileManager.default.contents(atPath: maildir + "/new/" + file.name))
        #expect(sidecar["size"] as? Int == stored.count)
        let message = Message(bytes: [UInt8](stored))
        #expect(message.header.first(named: "X-Ticket")?.unfoldedValue == "T-42")
        #expect(message.header.first(named: "X-Greeting")?.decodedValue == "Grüße aus Köln")
        #expect(!message.header.contains("X-Remove-Me"))
        #expect(message.header.first(named: "Subject")?.unfoldedValue == "[T-42] Invoice please")
        #expect(String(decoding: stored, as: UTF8.self).hasSuffix("\nHello,\nthis is the body.\n"))

        let spoolName = try #require(receipt.spoolName)
        #expect(FileManager.default.contents(atPath: fixture.storeRoot + "/spool/new/" + spoolName) == Data(raw))
        // The batch's spool index, named after its first spool file, holds this one's record.
        let spool = try Self.json(fixture.storeRoot + "/sidecars/spool/\(spoolName).jsonl")
        #expect(spool["id"] as? String == "support/pop3:u1")
        #expect(spool["reported_size"] as? Int == raw.count && spool["size"] as? Int == raw.count)
        #expect(spool["interactions"] as? [[String: String]] == [["queue": "billing", "file": file.name]])
    }

    /// The store's own readers give back the same record and bytes.
    @Test func readersReturnTheRecords() throws {
        let raw = StoreFixture.mail(subject: "[T-7] EU question")
        let delivery = StoreFixture.delivery(raw, uidl: "u7")
        let (fixture, store, receipt) = try Self.storeOne(delivery, "readers")
        defer { fixture.remove() }
        let items = Array(try store.interactions(inQueue: "Support Team/EU"))
        #expect(items.count == 1)
        let stored = try #require(try items.first?.get())
        let record = stored.record
        #expect(stored.name == receipt.interactions.first?.name)
        #expect(record.id == "support/pop3:u7/1" && record.queue == "Support Team/EU" && record.mailbox == "support")
        #expect(record.tags == ["ticket-T-7"] && record.attributes["Ticket"] == "T-7")
        #expect(record.source == .pop3(uidl: "u7") && record.ledger == "support")
        #expect(record.received == StoreTimestamp(unixMilliseconds: 1_714_555_800_250))
        #expect(record.size == (try stored.bytes()).count && record.spool == receipt.spoolName)

        let spool = Array(store.spoolEntries())
        #expect(spool.count == 1)
        let entry = try #require(try spool.first?.get())
        #expect(try entry.bytes() == raw)
        #expect(entry.record.source == .pop3(uidl: "u7") && entry.record.mailbox == "support")
        #expect(entry.record.interactions == receipt.interactions)
        #expect(entry.record.reportedSize == raw.count)
    }

    /// With copy-message-to-recipients, each copy carries its recipient in the
    /// `copy-message-with-header` field and in its sidecar; the Message-ID check is off.
    @Test func recipientCopiesCarryTheirRecipient() throws {
        let raw = StoreFixture.mail(
            subject: "Hello", to: "a@one.example, b@two.example", extra: "Cc: c@three.example, d@four.example\nX-Genesys-To: forged@x\n")
        let delivery = StoreFixture.delivery(raw, uidl: "f1", mailbox: "fanout")
        #expect(!delivery.checksDuplicateMessageID)
        let (fixture, store, receipt) = try Self.storeOne(delivery, "copies")
        defer { fixture.remove() }
        #expect(receipt.interactions.count == 3)
        let maildir = try store.maildirPath(ofQueue: "inbound")
        for (index, (file, recipient)) in zip(receipt.interactions, ["a@one.example", "b@two.example", "c@three.example"]).enumerated() {
            let stored = try #require(FileManager.default.contents(atPath: maildir + "/new/" + file.name))
            let header = Message(bytes: [UInt8](stored)).header
            #expect(header.fields(named: "X-Genesys-To").map(\.unfoldedValue) == [recipient])
            let sidecar = try Self.json(fixture.storeRoot + "/sidecars/queues/inbound/\(file.name).json")
            #expect(sidecar["copy_recipient"] as? String == recipient)
            #expect(sidecar["id"] as? String == "support/pop3:f1/\(index + 1)")
            #expect(sidecar["interaction"] as? Int == index + 1 && sidecar["interactions"] as? Int == 3)
            #expect(sidecar["header_edits"] as? [String] == ["set-header X-Genesys-To: \(recipient)"])
        }
    }

    /// An oversized message is stored in its stripped form (header only) and
    /// marked so; the spool keeps what was fetched.
    @Test func strippedMessagesAreStoredStripped() throws {
        let raw = StoreFixture.mail(subject: "Big", to: "tiny@acme.example", extra: "X-Padding: \(String(repeating: "x", count: 200))\n")
        let (fixture, store, receipt) = try Self.storeOne(StoreFixture.delivery(raw, uidl: "t1", mailbox: "tiny"), "stripped")
        defer { fixture.remove() }
        let file = try #require(receipt.interactions.first)
        let stored = try #require(FileManager.default.contents(atPath: try store.maildirPath(ofQueue: "inbound") + "/new/" + file.name))
        #expect(!String(decoding: stored, as: UTF8.self).contains("this is the body"))
        #expect(String(decoding: stored, as: UTF8.self).hasPrefix("From: Jane"))
        let sidecar = try Self.json(fixture.storeRoot + "/sidecars/queues/inbound/\(file.name).json")
        #expect(sidecar["stripped"] as? Bool == true)
        let attributes = try #require(sidecar["attributes"] as? [[String: String]])
        #expect(attributes.contains(["name": "mailroute-stripped", "value": "true"]))
        let spool = try #require(receipt.spoolName)
        #expect(FileManager.default.contents(atPath: fixture.storeRoot + "/spool/new/" + spool) == Data(raw))
    }
}
