import Foundation
@testable import QueueStore
import Synchronization
import Testing

/// A commit holds its ledger's state only for moments: the fetching thread of
/// a mailbox asks whether messages are stored and writes the next ones to
/// staging while the storing thread's commit waits on the disk.
@Suite struct CommitConcurrencyTests {
    @Test func askingAndPreparingDoNotWaitForACommitInProgress() throws {
        let fixture = try StoreFixture("concurrent")
        defer { fixture.remove() }
        let store = try fixture.openStore()
        let ledger = try store.openLedger(named: "support")
        let batch = ledger.makeBatch()
        #expect(try batch.add(LedgerTests.pop3("committing")) == .stored)
        let answers = Mutex<(stored: Bool, prepared: PreparedDelivery?)?>(nil)
        let answered = DispatchSemaphore(value: 0)
        var waited = false
        batch.phaseObserver = { step in
            // The batch's files are synced and its journal record not yet written.
            guard step == .filesSynced else { return }
            Thread {
                let stored = ledger.contains(.pop3(uidl: "committing"))
                let prepared = try? ledger.prepare(LedgerTests.pop3("next"))
                answers.withLock { $0 = (stored, prepared) }
                answered.signal()
            }.start()
            // Only a thread blocked on the ledger leaves this wait by its deadline.
            waited = answered.wait(timeout: .now() + 30) == .success
        }
        _ = try batch.commit()
        #expect(waited, "the other thread waited for the commit")
        let (stored, prepared) = try #require(answers.withLock { $0 })
        #expect(!stored, "not stored before its journal record is written")
        let next = try #require(prepared)
        #expect(ledger.contains(.pop3(uidl: "committing")))

        let later = ledger.makeBatch()
        #expect(try later.add(next) == .stored)
        _ = try later.commit()
        let contents = try StoreContents(store)
        #expect(contents.messages.keys.sorted() == ["support/pop3:committing/1", "support/pop3:next/1"])
        #expect(contents.problems.isEmpty && contents.duplicates.isEmpty)
    }
}
