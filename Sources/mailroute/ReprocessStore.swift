import QueueStore
import Reports

/// The queue store side of `reprocess --apply`: the ledger of the rule set
/// and one batch at a time, used only by the thread that receives the
/// results in entry order.
///
/// The batch is committed every `commitEvery` messages, before each
/// checkpoint is written and at the end, so a checkpoint never says more is
/// done than the store holds. Messages committed after the last checkpoint of
/// a run that was killed are offered again by the next run, and the ledger
/// finds them already stored; staged messages that were not committed are
/// deleted when the ledger is opened again, and stored by the next run.
final class ReprocessStore {
    /// Messages per group commit: one journal write and a few directory
    /// `fsync`s per group, and at most this many messages to store again after a crash.
    static let defaultCommitEvery = 500

    /// The store's root directory, absolute, as reports and checkpoints record it.
    let root: String
    let ledger: DeliveryLedger
    private var batch: StoreBatch
    private let commitEvery: Int

    /// Opens the store at `root` (creating it when new) and the ledger of these rules.
    ///
    /// - Throws: ``StoreError`` when `root` is not a store or cannot be
    ///   created, and `ledgerInUse` while another run of the same rules and
    ///   `--mailbox` writes to this store.
    init(root: String, rulesIdentity: String, mailbox: String?, commitEvery: Int? = TestHooks.commitEvery) throws(StoreError) {
        let store = try QueueStore(root: root)
        self.root = CanonicalPath.of(root) ?? root
        ledger = try store.openLedger(named: Self.ledgerName(rulesIdentity: rulesIdentity, mailbox: mailbox))
        batch = ledger.makeBatch()
        self.commitEvery = max(1, commitEvery ?? Self.defaultCommitEvery)
    }

    /// `reprocess-` and sixteen hex digits of a digest of the rules' identity
    /// (the rule file and its includes) and `--mailbox`: the same rules store
    /// each message once however often they run; other rules store anew.
    static func ledgerName(rulesIdentity: String, mailbox: String?) -> String {
        var digest = ContentDigest()
        digest.add(rulesIdentity)
        digest.add(mailbox.map { "mailbox " + $0 } ?? "no mailbox")
        return "reprocess-" + digest.hex
    }

    /// A tally of nothing yet, naming this store and ledger.
    var emptyTally: StoreTally {
        StoreTally(root: root, ledger: ledger.name)
    }

    /// Stages `delivery` (nothing is staged for one already stored, a
    /// duplicate or a leave or delete decision) and commits when the batch is full.
    /// - Returns: the receipts of that commit; empty when there was none.
    /// - Throws: ``StoreError``; what earlier commits stored stays stored.
    func add(_ delivery: Delivery) throws(StoreError) -> [DeliveryReceipt] {
        _ = try batch.add(delivery)
        return batch.count >= commitEvery ? try commit() : []
    }

    /// Makes every message added since the last commit durable and visible.
    /// - Returns: their receipts, in the order added.
    func commit() throws(StoreError) -> [DeliveryReceipt] {
        guard batch.count > 0 else { return [] }
        let full = batch
        batch = ledger.makeBatch()
        return try full.commit()
    }
}
