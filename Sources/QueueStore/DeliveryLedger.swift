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
    /// `sources/<ledger>/staging`, kept open: files written but not yet committed or moved.
    let staging: DirectoryHandle
    private let lock: LockFile
    /// What the journal says. Every thread asks it, and commits change it,
    /// each only for a moment: a fetching thread asking whether a message is
    /// stored never waits for another thread's commit to reach the disk.
    let state: Mutex<LedgerState>
    /// Held for a whole commit or prune, so that one changes the ledger at a
    /// time; only its holder finishes or clears the state's pending placements.
    let writer: Mutex<JournalWriter>

    /// The journal and its size after the last compaction.
    struct JournalWriter {
        let journal: Journal
        var compactedLength: Int

        /// Whether the journal has grown to four times its compacted size (and at least 1 MiB).
        var isLarge: Bool { journal.length > max(1 << 20, 4 * compactedLength) }

        /// Rewrites the journal as one record, `snapshot`.
        mutating func compact(to snapshot: [JournalEntry]) throws(StoreError) {
            try journal.replace(with: snapshot)
            compactedLength = journal.length
        }
    }

    init(store: QueueStore, name: String, messageIDLimit: Int) throws(StoreError) {
        self.name = name
        self.store = store
        tag = try DirectoryName.escape(name, kind: "ledger")
        let directory = store.layout.ledger(tag)
        try FileSystem.makeDirectory(directory)
        try FileSystem.makeDirectory(directory + "/staging")
        staging = try DirectoryHandle(directory + "/staging")
        guard let lock = try LockFile.acquire(directory + "/lock") else {
            throw .ledgerInUse(ledger: name, lockPath: directory + "/lock")
        }
        self.lock = lock
        var state = LedgerState(messageIDLimit: messageIDLimit)
        let (journal, records) = try Journal.open(directory + "/journal") { state.apply($0) }
        var writer = JournalWriter(journal: journal, compactedLength: journal.length)
        try Self.recover(&state, &writer, staging: staging, root: store.rootDirectory, compacting: records > 1)
        self.state = Mutex(state)
        self.writer = Mutex(writer)
    }

    /// Whether `identity` is durably stored (or was handled as a duplicate).
    public func contains(_ identity: SourceIdentity) -> Bool {
        state.withLock { $0.stored.contains(identity) }
    }

    /// Whether a message with this Message-ID (unfolded, trimmed) is among the ledger's recent ones.
    public func containsMessageID(_ messageID: String) -> Bool {
        state.withLock { $0.messageIDs.contains(messageID) }
    }

    /// How often the server broke the connection while sending the message
    /// with this identity or listing its size (see ``recordBreak(of:)``); 0
    /// for a message stored since.
    public func breaks(of identity: SourceIdentity) -> Int {
        state.withLock { $0.breaks[identity, default: 0] }
    }

    /// Records, durably, that the server broke the connection on this
    /// message, so that later cycles, of this process or the next (`run
    /// --once` from cron), ask for it alone and then give it up. Storing the
    /// message, or ``prune(retaining:)`` once it left the server, forgets it.
    public func recordBreak(of identity: SourceIdentity) throws(StoreError) {
        try writer.withLock { (writer: inout JournalWriter) throws(StoreError) in
            try writer.journal.append([.broke(identity)])
            state.withLock { $0.apply([.broke(identity)]) }
        }
    }

    /// How many identities the ledger holds.
    public var count: Int {
        state.withLock { $0.stored.count }
    }

    /// A new, empty batch that stores into this ledger.
    public func makeBatch() -> StoreBatch {
        StoreBatch(ledger: self)
    }

    /// Forgets every identity not in `present` (the server's current UIDs or
    /// UIDLs), durably, and returns how many stored ones were forgotten (the
    /// breaks of messages gone go too). Call it with the whole list of a
    /// mailbox, never a part of it: an identity forgotten while its message
    /// is still on the server would be stored again.
    public func prune(retaining present: some Sequence<SourceIdentity>) throws(StoreError) -> Int {
        let keep = Set(present)
        return try writer.withLock { (writer: inout JournalWriter) throws(StoreError) -> Int in
            let (gone, broken) = state.withLock { state in
                (state.stored.filter { !keep.contains($0) }, state.breaks.keys.filter { !keep.contains($0) })
            }
            guard !gone.isEmpty || !broken.isEmpty else { return 0 }
            let entries = (Array(gone) + broken).map { JournalEntry.forgot($0) }
            try writer.journal.append(entries)
            state.withLock { $0.apply(entries) }
            try compactIfLarge(&writer)
            return gone.count
        }
    }

    /// Hands out the sequence number of a delivery's file names.
    func reserveSequence() -> UInt64 {
        state.withLock { state in
            defer { state.nextSequence += 1 }
            return state.nextSequence
        }
    }
}
