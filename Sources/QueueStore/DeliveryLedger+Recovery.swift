import Glibc

extension DeliveryLedger {
    /// What opening a ledger does after reading its journal: finishes the
    /// placements of committed batches (a crash may have stopped them),
    /// deletes every other staged file (never committed, so never visible),
    /// and compacts the journal when it holds more than one record.
    static func recover(
        _ state: inout LedgerState, _ writer: inout JournalWriter, staging: DirectoryHandle, root: DirectoryHandle, compacting: Bool
    ) throws(StoreError) {
        let hadPlacements = !state.pendingPlacements.isEmpty
        try place(state.pendingPlacements, staging: staging, root: root, observer: nil)
        state.pendingPlacements = []
        let leftovers = try FileSystem.names(in: staging.path)
        for name in leftovers { try FileSystem.remove(staging.file(name)) }
        if !leftovers.isEmpty { try FileSystem.syncDirectory(staging) }
        if compacting || hadPlacements { try writer.compact(to: state.snapshot) }
    }

    /// Finishes the pending placements of the state (see ``place(_:staging:root:observer:)``),
    /// without holding the state's lock while the files move. Only the holder of ``writer`` calls it.
    func finishPlacements(observer: ((CommitPhase) -> Void)?) throws(StoreError) {
        let pending = state.withLock { $0.pendingPlacements }
        guard !pending.isEmpty else { return }
        try Self.place(pending, staging: staging, root: store.rootDirectory, observer: observer)
        state.withLock { $0.pendingPlacements = [] }
    }

    /// Links and moves committed files from staging into place, then makes
    /// the destination directories durable, each once. Each step may have
    /// been done before a crash: a link that exists, or a staged file already
    /// gone (moved, as its move comes after its links), is done. The
    /// placements stay pending until all succeed.
    static func place(
        _ placements: [FilePlacement], staging: DirectoryHandle, root: DirectoryHandle, observer: ((CommitPhase) -> Void)?
    ) throws(StoreError) {
        guard !placements.isEmpty else { return }
        var directories: [String] = []
        var seen: Set<String> = []
        seen.reserveCapacity(placements.count)
        for (index, placement) in placements.enumerated() {
            let source = staging.file(placement.staged)
            let destination = root.file(placement.destination)
            do throws(StoreError) {
                switch placement.kind {
                case .move: try FileSystem.rename(source, to: destination)
                case .link: try FileSystem.link(source, to: destination)
                }
            } catch {
                guard case .system(_, _, let code) = error,
                    (code == ENOENT && !FileSystem.exists(source)) || (code == EEXIST && placement.kind == .link)
                else { throw error }
            }
            let directory = FileSystem.parent(of: placement.destination)
            if seen.insert(directory).inserted { directories.append(directory) }
            observer?(.moved(index + 1))
        }
        let synced = directories
        try ParallelSync.run(synced.count) { index throws(StoreError) in try FileSystem.syncDirectory(root.file(synced[index])) }
    }

    /// Compacts the journal into one snapshot record once it has grown large
    /// and no placement is pending, so replaying it on open stays
    /// proportional to what the ledger holds. Only the holder of ``writer`` calls it.
    func compactIfLarge(_ writer: inout JournalWriter) throws(StoreError) {
        guard writer.isLarge, let snapshot = state.withLock({ $0.pendingPlacements.isEmpty ? $0.snapshot : nil }) else { return }
        try writer.compact(to: snapshot)
    }
}
