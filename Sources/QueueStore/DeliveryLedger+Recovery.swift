import Glibc

extension DeliveryLedger {
    /// What opening a ledger does after reading its journal: finishes the
    /// placements of committed batches (a crash may have stopped them),
    /// deletes every other staged file (never committed, so never visible),
    /// and compacts the journal when it holds more than one record.
    static func recover(_ core: inout Core, staging: String, layout: StoreLayout, compacting: Bool) throws(StoreError) {
        let hadPlacements = !core.state.pendingPlacements.isEmpty
        try finishPlacements(&core.state, staging: staging, layout: layout, observer: nil)
        let leftovers = try FileSystem.names(in: staging)
        for name in leftovers { try FileSystem.remove(staging + "/" + name) }
        if !leftovers.isEmpty { try FileSystem.syncDirectory(staging) }
        if compacting || hadPlacements { try compact(&core) }
    }

    /// Links and moves committed files from staging into place, then makes
    /// the destination directories durable, each once. Each step may have
    /// been done before a crash: a link that exists, or a staged file already
    /// gone (moved, as its move comes after its links), is done. The
    /// placements stay pending until all succeed.
    static func finishPlacements(
        _ state: inout LedgerState, staging: String, layout: StoreLayout, observer: ((CommitPhase) -> Void)?
    ) throws(StoreError) {
        guard !state.pendingPlacements.isEmpty else { return }
        var directories: [String] = []
        var seen: Set<String> = []
        for (index, placement) in state.pendingPlacements.enumerated() {
            let source = staging + "/" + placement.staged
            let destination = layout.path(placement.destination)
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
            let directory = FileSystem.parent(of: destination)
            if seen.insert(directory).inserted { directories.append(directory) }
            observer?(.moved(index + 1))
        }
        let synced = directories
        try ParallelSync.run(synced.count) { index throws(StoreError) in try FileSystem.syncDirectory(synced[index]) }
        state.pendingPlacements = []
    }

    /// Rewrites the journal as one snapshot record when it has grown to
    /// four times its compacted size (and at least 1 MiB), so replaying it on
    /// open stays proportional to what the ledger holds.
    static func compactIfLarge(_ core: inout Core) throws(StoreError) {
        guard core.state.pendingPlacements.isEmpty, core.journal.length > max(1 << 20, 4 * core.compactedLength) else { return }
        try compact(&core)
    }

    private static func compact(_ core: inout Core) throws(StoreError) {
        try core.journal.replace(with: core.state.snapshot)
        core.compactedLength = core.journal.length
    }
}
