import Synchronization

/// What one source (a remote mailbox, or a reprocessing run) has durably
/// stored: the identities of its messages (UIDs, UIDLs, file positions) and
/// its recent Message-IDs, kept in a crash-safe journal.
///
/// Every write to the store goes through a ledger's ``makeBatch()``: a
/// batch's messages become visible in their queues only after the ledger's
/// journal records them, and the journal records each identity once, so a
/// message offered again (after a crash between storing and deleting on the
/// server, with `leave-msg-on-server`, or by a restarted `reprocess`) is
/// never stored twice. The ledger stays small: ``prune(retaining:)`` forgets
/// identities no longer on the server, and only the newest Message-IDs are kept.
///
/// One ledger object per name may be open at a time, across processes (a lock
/// file); threads may share it.
public final class DeliveryLedger: Sendable {
    /// The ledger's name, as given to ``QueueStore/openLedger(named:messageIDLimit:)``.
    public let name: String
    let store: QueueStore
    /// The escaped name, as in directory and file names.
    let tag: String
    /// `sources/<ledger>/staging`: files written but not yet committed or moved.
    let staging: String
    private let lock: LockFile
    let core: Mutex<Core>

    /// The state behind the lock.
    struct Core {
        let journal: Journal
        var state: LedgerState
        /// The journal's length after the last compaction.
        var compactedLength: Int
    }

    init(store: QueueStore, name: String, messageIDLimit: Int) throws(StoreError) {
        self.name = name
        self.store = store
        tag = try DirectoryName.escape(name, kind: "ledger")
        let directory = store.layout.ledger(tag)
        staging = directory + "/staging"
        try FileSystem.makeDirectory(directory)
        try FileSystem.makeDirectory(staging)
        guard let lock = try LockFile.acquire(directory + "/lock") else {
            throw .ledgerInUse(ledger: name, lockPath: directory + "/lock")
        }
        self.lock = lock
        let (journal, records) = try Journal.open(directory + "/journal")
        var core = Core(journal: journal, state: LedgerState(messageIDLimit: messageIDLimit), compactedLength: journal.length)
        for record in records { core.state.apply(record) }
        try Self.recover(&core, staging: staging, layout: store.layout, compacting: records.count > 1)
        self.core = Mutex(core)
    }

    /// Whether `identity` is durably stored (or was handled as a duplicate).
    public func contains(_ identity: SourceIdentity) -> Bool {
        core.withLock { $0.state.stored.contains(identity) }
    }

    /// Whether a message with this Message-ID (unfolded, trimmed) is among the ledger's recent ones.
    public func containsMessageID(_ messageID: String) -> Bool {
        core.withLock { $0.state.messageIDs.contains(messageID) }
    }

    /// How many identities the ledger holds.
    public var count: Int {
        core.withLock { $0.state.stored.count }
    }

    /// A new, empty batch that stores into this ledger.
    public func makeBatch() -> StoreBatch {
        StoreBatch(ledger: self)
    }

    /// Forgets every identity not in `present` (the server's current UIDs or
    /// UIDLs), durably, and returns how many were forgotten. Call it with the
    /// whole list of a mailbox, never a part of it: an identity forgotten while
    /// its message is still on the server would be stored again.
    public func prune(retaining present: some Sequence<SourceIdentity>) throws(StoreError) -> Int {
        let keep = Set(present)
        return try core.withLock { (core: inout Core) throws(StoreError) -> Int in
            let gone = core.state.stored.filter { !keep.contains($0) }
            guard !gone.isEmpty else { return 0 }
            let entries = gone.map { JournalEntry.forgot($0) }
            try core.journal.append(entries)
            core.state.apply(entries)
            try Self.compactIfLarge(&core)
            return gone.count
        }
    }

    /// Hands out the sequence number of a delivery's file names.
    func reserveSequence() -> UInt64 {
        core.withLock { core in
            defer { core.state.nextSequence += 1 }
            return core.state.nextSequence
        }
    }
}
