/// What `reprocess --apply` did in the queue store: the messages it stored,
/// those an earlier run of the same rules had stored already, the Message-ID
/// duplicates it skipped and those not processed (leave or delete).
///
/// The counts add up (each routed message is in exactly one), so the
/// tallies of shards, or of a run and the runs a checkpoint continued, merge.
public struct StoreTally: Sendable, Equatable {
    /// The store's root directory, absolute.
    public var root: String
    /// The ledger the run stored through.
    public var ledger: String
    /// Messages stored.
    public var stored = 0
    /// The interactions of the stored messages (one file in a queue each).
    public var interactions = 0
    /// Messages the ledger held already: stored by an earlier run of the same
    /// rules and `--mailbox`, one that was killed or one that finished.
    public var alreadyStored = 0
    /// Messages not stored because the ledger had their Message-ID and their
    /// mailbox checks it (the Genesys `enable-message-id-check`).
    public var duplicateMessageIDs = 0
    /// Messages whose decision is leave or delete: reported, never stored.
    public var notProcessed = 0

    /// A tally of nothing yet, for the store at `root` and its ledger `ledger`.
    public init(root: String, ledger: String) {
        self.root = root
        self.ledger = ledger
    }

    /// Adds the counts of `other`, the tally of another part of the same job.
    public mutating func merge(_ other: StoreTally) {
        stored += other.stored
        interactions += other.interactions
        alreadyStored += other.alreadyStored
        duplicateMessageIDs += other.duplicateMessageIDs
        notProcessed += other.notProcessed
    }
}
