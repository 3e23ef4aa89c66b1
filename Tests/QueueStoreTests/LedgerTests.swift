import Foundation
import MessageModel
import Pipeline
import QueueStore
import Testing

/// The ledger stores each source identity once, across batches, reopenings
/// and crashes, and stays bounded.
@Suite struct LedgerTests {
    static func pop3(_ uidl: String, subject: String = "Hello", messageID: String? = nil) -> Delivery {
        StoreFixture.delivery(StoreFixture.mail(subject: subject, messageID: messageID ?? "<\(uidl)@customer.example>"), uidl: uidl)
    }

    /// Storing the same deliveries again, in the same batch, a later batch or
    /// after reopening the store, stores nothing new.
    @Test func storingTheSameIdentityTwiceStoresItOnce() throws {
        let fixture = try StoreFixture("idempotent")
        defer { fixture.remove() }
        let deliveries = StoreFixture.corpusDeliveries
        let first: StoreContents
        do {
            let store = try fixture.openStore()
            let ledger = try store.openLedger(named: "support")
            let batch = ledger.makeBatch()
            var outcomes: [DeliveryOutcome] = []
            for delivery in deliveries + deliveries.prefix(3) { outcomes.append(try batch.add(delivery)) }
            #expect(outcomes.suffix(3).allSatisfy { $0 == .alreadyStored })
            _ = try batch.commit()
            first = try StoreContents(store)
            #expect(first.problems.isEmpty && first.duplicates.isEmpty)
            #expect(first.spool.count + outcomes.filter { if case .duplicateMessageID = $0 { true } else { false } }.count == deliveries.count)

            let again = ledger.makeBatch()
            for delivery in deliveries { #expect(try again.add(delivery) == .alreadyStored) }
            #expect(try again.commit().map(\.outcome) == Array(repeating: .alreadyStored, count: deliveries.count))
            #expect(try StoreContents(store) == first)
        }
        let store = try fixture.openStore()
        let ledger = try store.openLedger(named: "support")
        let batch = ledger.makeBatch()
        for delivery in deliveries { #expect(try batch.add(delivery) == .alreadyStored) }
        _ = try batch.commit()
        #expect(try StoreContents(store) == first)
    }

    /// Two batches of one ledger that both stage the same identity (or the
    /// same Message-ID): the one committed second finds it stored and adds nothing.
    @Test func theSecondOfTwoOverlappingBatchesStoresNothingTwice() throws {
        let fixture = try StoreFixture("overlap")
        defer { fixture.remove() }
        let store = try fixture.openStore()
        let ledger = try store.openLedger(named: "support")
        let first = ledger.makeBatch()
        let second = ledger.makeBatch()
        #expect(try first.add(Self.pop3("same")) == .stored)
        #expect(try first.add(Self.pop3("one", messageID: "<shared@x>")) == .stored)
        #expect(try second.add(Self.pop3("same")) == .stored)
        #expect(try second.add(Self.pop3("two", messageID: "<shared@x>")) == .stored)
        _ = try first.commit()
        #expect(try second.commit().map(\.outcome) == [.alreadyStored, .duplicateMessageID("<shared@x>")])
        #expect(ledger.contains(.pop3(uidl: "two")))
        let contents = try StoreContents(store)
        #expect(contents.messages.keys.sorted() == ["support/pop3:one/1", "support/pop3:same/1"] && contents.duplicates.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.storeRoot + "/sources/support/staging").isEmpty)
    }

    /// The ledger survives reopening; pruning forgets what the server no
    /// longer has, durably, and a forgotten identity can be stored again.
    @Test func theLedgerPersistsAndPrunes() throws {
        let fixture = try StoreFixture("prune")
        defer { fixture.remove() }
        let store = try fixture.openStore()
        do {
            let ledger = try store.openLedger(named: "imap-box")
            let batch = ledger.makeBatch()
            for uid in UInt32(1)...5 {
                var delivery = Self.pop3("x\(uid)")
                delivery.identity = .imap(uidValidity: 7, uid: uid)
                #expect(try batch.add(delivery) == .stored)
            }
            _ = try batch.commit()
        }
        do {
            let ledger = try store.openLedger(named: "imap-box")
            #expect(ledger.count == 5 && ledger.contains(.imap(uidValidity: 7, uid: 3)))
            #expect(!ledger.contains(.imap(uidValidity: 8, uid: 3)))
            #expect(try ledger.prune(retaining: [.imap(uidValidity: 7, uid: 2), .imap(uidValidity: 7, uid: 4)]) == 3)
            #expect(try ledger.prune(retaining: [.imap(uidValidity: 7, uid: 2), .imap(uidValidity: 7, uid: 4)]) == 0)
        }
        let ledger = try store.openLedger(named: "imap-box")
        #expect(ledger.count == 2)
        #expect(!ledger.contains(.imap(uidValidity: 7, uid: 1)) && ledger.contains(.imap(uidValidity: 7, uid: 4)))
        var again = Self.pop3("again")
        again.identity = .imap(uidValidity: 7, uid: 1)
        let batch = ledger.makeBatch()
        #expect(try batch.add(again) == .stored)
        _ = try batch.commit()
        // A new UIDVALIDITY: the server's list holds only new identities, so every old one goes.
        #expect(try ledger.prune(retaining: [.imap(uidValidity: 8, uid: 1)]) == 3)
        #expect(ledger.count == 0)
    }

    /// Breaks of the connection are counted per message, durably (a ledger
    /// opened again, as by the next `run --once`, has them, compacted or
    /// not); storing the message or pruning it once it left the server forgets them.
    @Test func connectionBreaksAreCountedDurablyUntilStoredOrGone() throws {
        let fixture = try StoreFixture("breaks")
        defer { fixture.remove() }
        let store = try fixture.openStore()
        let (bad, flaky, gone) = (SourceIdentity.pop3(uidl: "bad"), SourceIdentity.pop3(uidl: "flaky"), SourceIdentity.pop3(uidl: "gone"))
        do {
            let ledger = try store.openLedger(named: "support")
            try ledger.recordBreak(of: bad)
            try ledger.recordBreak(of: flaky)
            try ledger.recordBreak(of: gone)
            try ledger.recordBreak(of: bad)
            #expect([bad, flaky, gone, .pop3(uidl: "fine")].map(ledger.breaks(of:)) == [2, 1, 1, 0])
        }
        for _ in 1...2 {  // the first open compacts the journal, the second reads the snapshot
            let ledger = try store.openLedger(named: "support")
            #expect([bad, flaky, gone].map(ledger.breaks(of:)) == [2, 1, 1])
        }
        do {
            let ledger = try store.openLedger(named: "support")
            let batch = ledger.makeBatch()
            #expect(try batch.add(Self.pop3("flaky")) == .stored)
            _ = try batch.commit()
            #expect(try ledger.prune(retaining: [bad, flaky]) == 0)
            #expect([bad, flaky, gone].map(ledger.breaks(of:)) == [2, 0, 0])
        }
        let ledger = try store.openLedger(named: "support")
        #expect([bad, flaky, gone].map(ledger.breaks(of:)) == [2, 0, 0])
        #expect(ledger.contains(flaky) && ledger.count == 1)
    }

    /// With the Message-ID check on, a second message with a Message-ID the
    /// ledger has stored is not stored, but recorded as handled; with copies
    /// to recipients the check is off.
    @Test func duplicateMessageIDsAreSkippedWhenTheCheckIsOn() throws {
        let fixture = try StoreFixture("message-id")
        defer { fixture.remove() }
        let store = try fixture.openStore()
        do {
            let ledger = try store.openLedger(named: "support")
            let batch = ledger.makeBatch()
            #expect(try batch.add(Self.pop3("a", messageID: "<same@x>")) == .stored)
            #expect(try batch.add(Self.pop3("b", messageID: "<same@x>")) == .duplicateMessageID("<same@x>"))
            let receipts = try batch.commit()
            #expect(receipts.map(\.outcome) == [.stored, .duplicateMessageID("<same@x>")])
            #expect(receipts[1].interactions.isEmpty && receipts[1].spoolName == nil)
            #expect(ledger.contains(.pop3(uidl: "b")), "a duplicate is handled: the service may delete it")
        }
        let ledger = try store.openLedger(named: "support")
        #expect(ledger.containsMessageID("<same@x>"))
        let batch = ledger.makeBatch()
        #expect(try batch.add(Self.pop3("c", messageID: " <same@x> ")) == .duplicateMessageID("<same@x>"))
        let raw = StoreFixture.mail(subject: "Hello", messageID: "<same@x>", to: "fanout@acme.example")
        #expect(try batch.add(StoreFixture.delivery(raw, uidl: "d", mailbox: "fanout")) == .stored)
        _ = try batch.commit()
        #expect(try StoreContents(store).spool.count == 2)
    }

    /// Only the newest Message-IDs are remembered, before and after reopening.
    @Test func theMessageIDMemoryIsBounded() throws {
        let fixture = try StoreFixture("message-id-limit")
        defer { fixture.remove() }
        let store = try fixture.openStore()
        do {
            let ledger = try store.openLedger(named: "support", messageIDLimit: 2)
            let batch = ledger.makeBatch()
            for name in ["a", "b", "c"] { _ = try batch.add(Self.pop3(name)) }
            _ = try batch.commit()
            #expect(!ledger.containsMessageID("<a@customer.example>") && ledger.containsMessageID("<c@customer.example>"))
        }
        let ledger = try store.openLedger(named: "support", messageIDLimit: 2)
        #expect(!ledger.containsMessageID("<a@customer.example>"))
        #expect(ledger.containsMessageID("<b@customer.example>") && ledger.containsMessageID("<c@customer.example>"))
    }

    /// One ledger object per name at a time; closing it frees the name.
    @Test func aLedgerIsOpenedOnceAtATime() throws {
        let fixture = try StoreFixture("lock")
        defer { fixture.remove() }
        let store = try fixture.openStore()
        do {
            let ledger = try store.openLedger(named: "support")
            #expect(throws: StoreError.ledgerInUse(ledger: "support", lockPath: fixture.storeRoot + "/sources/support/lock")) {
                try store.openLedger(named: "support")
            }
            _ = try store.openLedger(named: "sales")
            #expect(ledger.count == 0)
        }
        _ = try store.openLedger(named: "support")
    }

    /// A lock held for a moment (as by a child process between its fork and
    /// its exec, which shares this process's open files) is waited for, not
    /// taken for a ledger in use.
    @Test func aLedgerLockHeldForAMomentIsWaitedFor() throws {
        let fixture = try StoreFixture("brief-lock")
        defer { fixture.remove() }
        let store = try fixture.openStore()
        _ = try store.openLedger(named: "support")
        let lockPath = fixture.storeRoot + "/sources/support/lock"
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = ["--exclusive", lockPath, "sleep", "0.3"]
        try holder.run()
        defer { holder.waitUntilExit() }
        try Self.waitUntilLocked(lockPath)
        let ledger = try store.openLedger(named: "support")
        #expect(ledger.count == 0)
    }

    /// Returns once another open file holds `path`'s lock (10 seconds at most).
    static func waitUntilLocked(_ path: String) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        let end = Date().addingTimeInterval(10)
        while flock(descriptor, LOCK_EX | LOCK_NB) == 0 {
            flock(descriptor, LOCK_UN)
            try #require(Date() < end, "flock never took \(path)")
            usleep(1_000)
        }
    }

    /// Staged files that were never committed (left by a crash) are deleted
    /// when the ledger is opened, and never show in a queue; a batch given up
    /// deletes its own.
    @Test func uncommittedFilesAreCleanedUp() throws {
        let fixture = try StoreFixture("cleanup")
        defer { fixture.remove() }
        let store = try fixture.openStore()
        let staging = fixture.storeRoot + "/sources/support/staging"
        do {
            let ledger = try store.openLedger(named: "support")
            let batch = ledger.makeBatch()
            _ = try batch.add(Self.pop3("kept"))
            _ = try batch.commit()
            let abandoned = ledger.makeBatch()
            _ = try abandoned.add(Self.pop3("given-up"))
            // The spool copy (which the unchanged interaction will share) and the
            // interaction's sidecar; the spool record waits for the commit's index.
            #expect(try FileManager.default.contentsOfDirectory(atPath: staging).count == 2)
            abandoned.discard()
            #expect(try FileManager.default.contentsOfDirectory(atPath: staging).isEmpty)
            #expect(throws: StoreError.batchClosed(ledger: "support")) { try abandoned.commit() }
        }
        for name in ["7-s", "7-s.json", "7-1", "7-1.json"] {
            _ = FileManager.default.createFile(atPath: staging + "/" + name, contents: Data("half a mess".utf8))
        }
        let ledger = try store.openLedger(named: "support")
        #expect(try FileManager.default.contentsOfDirectory(atPath: staging).isEmpty)
        #expect(!ledger.contains(.pop3(uidl: "given-up")))
        let contents = try StoreContents(store)
        #expect(contents.messages.keys.sorted() == ["support/pop3:kept/1"] && contents.problems.isEmpty)
    }

    /// A batch keeps its staged files open for the commit's sync, never more
    /// than the process-wide limit, and closes every one by the end of the
    /// commit or the discard; files past the limit are synced all the same.
    @Test func stagedFilesAreKeptOpenWithinTheLimitAndClosedByTheCommit() throws {
        let fixture = try StoreFixture("descriptors")
        defer { fixture.remove() }
        let store = try fixture.openStore()
        let ledger = try store.openLedger(named: "support")
        func openInStore() -> Int {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
            return names.filter {
                (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/" + $0))?.hasPrefix(fixture.storeRoot) == true
            }.count
        }
        let opened = openInStore()
        let batch = ledger.makeBatch()
        for index in 0..<300 { #expect(try batch.add(Self.pop3("m\(index)")) == .stored) }
        let kept = openInStore() - opened
        #expect(kept > 0 && kept <= 256)
        let receipts = try batch.commit()
        #expect(receipts.count == 300 && receipts.allSatisfy { $0.outcome == .stored })
        #expect(openInStore() == opened)
        let abandoned = ledger.makeBatch()
        _ = try abandoned.add(Self.pop3("given-up"))
        #expect(openInStore() > opened)
        abandoned.discard()
        #expect(openInStore() == opened)
        let contents = try StoreContents(store)
        #expect(contents.messages.count == 300 && contents.problems.isEmpty)
    }

    /// A delivery prepared (written to staging) ahead of its batch is stored
    /// by the batch like one added whole; one whose identity was stored in
    /// the meantime is not stored again and its staged files go, as they do
    /// when it is discarded; a batch of another ledger refuses it.
    @Test func preparedDeliveriesAreStoredOnceByTheirOwnLedgersBatch() throws {
        let fixture = try StoreFixture("prepared")
        defer { fixture.remove() }
        let store = try fixture.openStore()
        let ledger = try store.openLedger(named: "support")
        let staging = fixture.storeRoot + "/sources/support/staging"
        let early = try #require(try ledger.prepare(Self.pop3("early")))
        let raced = try #require(try ledger.prepare(Self.pop3("raced")))
        #expect(early.queues == ["inbound"])
        let other = try store.openLedger(named: "sales")
        #expect(throws: StoreError.otherLedger(batch: "sales", prepared: "support")) { try other.makeBatch().add(early) }
        let given = try FileManager.default.contentsOfDirectory(atPath: staging).count
        try #require(try ledger.prepare(Self.pop3("given-up"))).discard()
        #expect(try FileManager.default.contentsOfDirectory(atPath: staging).count == given)
        let elsewhere = ledger.makeBatch()
        #expect(try elsewhere.add(Self.pop3("raced")) == .stored)
        _ = try elsewhere.commit()
        #expect(try ledger.prepare(Self.pop3("raced")) == nil)
        let batch = ledger.makeBatch()
        let again = try #require(try ledger.prepare(Self.pop3("again")))
        #expect(try batch.add(again) == .stored)
        #expect(try batch.add(raced) == .alreadyStored)
        #expect(try batch.add(Self.pop3("whole")) == .stored)
        _ = try batch.commit()
        #expect(try FileManager.default.contentsOfDirectory(atPath: staging).isEmpty)
        let contents = try StoreContents(store)
        #expect(contents.messages.keys.sorted() == ["support/pop3:again/1", "support/pop3:raced/1", "support/pop3:whole/1"])
        #expect(contents.problems.isEmpty && contents.duplicates.isEmpty)
        #expect(!ledger.contains(.pop3(uidl: "early")))
    }

    /// Messages the pipeline leaves or deletes are neither stored nor recorded.
    @Test func unprocessedDecisionsAreNotStored() throws {
        let fixture = try StoreFixture("leave")
        defer { fixture.remove() }
        let store = try fixture.openStore()
        let ledger = try store.openLedger(named: "support")
        let batch = ledger.makeBatch()
        let raw = StoreFixture.mail(subject: "Big", to: "leave@acme.example", extra: "X-Pad: \(String(repeating: "x", count: 200))\n")
        #expect(try batch.add(StoreFixture.delivery(raw, uidl: "big", mailbox: "big-leave")) == .notProcessed(.leave))
        #expect(try batch.commit().map(\.outcome) == [.notProcessed(.leave)])
        #expect(!ledger.contains(.pop3(uidl: "big")))
        #expect(try store.queueNames().isEmpty)
    }
}
