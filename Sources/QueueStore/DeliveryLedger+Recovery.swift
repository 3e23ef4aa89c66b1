import Glibc

extension DeliveryLedger {
    /// What opening a ledger does after reading its journal: finishes the
    /// moves of committed batches (a crash may have stopped them), deletes
    /// every other staged file (never committed, so never visible), and
    /// compacts the journal when it holds more than one record.
    static func recover(_ core: inout Core, staging: String, layout: StoreLayout, compacting: Bool) throws(StoreError) {
        let hadMoves = !core.state.pendingMoves.isEmpty
        try finishMoves(&core.state, staging: staging, layout: layout, observer: nil)
        let leftovers = try FileSystem.names(in: staging)
        for name in leftovers { try FileSystem.remove(staging + "/" + name) }
        if !leftovers.isEmpty { try FileSystem.syncDirectory(staging) }
        if compacting || hadMoves { try compact(&core) }
    }

    /// Moves committed files from staging into place and makes the
    /// destination directories durable, each once. A staged file already gone
    /// was moved before a crash; the moves stay pending until all succeed.
    static func finishMoves(
        _ state: inout LedgerState, staging: String, layout: StoreLayout, observer: ((CommitPhase) -> Void)?
    ) throws(StoreError) {
        guard !state.pendingMoves.isEmpty else { return }
        var directories: [String] = []
        var seen: Set<String> = []
        for (index, move) in state.pendingMoves.enumerated() {
            let source = staging + "/" + move.staged
            let destination = layout.path(move.destination)
            do throws(StoreError) {
                try FileSystem.rename(source, to: destination)
            } catch {
                // ENOENT with the source gone: an earlier run moved it. Anything else is real.
                guard case .system(_, _, ENOENT) = error, !FileSystem.exists(source) else { throw error }
            }
            let directory = FileSystem.parent(of: destination)
            if seen.insert(directory).inserted { directories.append(directory) }
            observer?(.moved(index + 1))
        }
        for directory in directories { try FileSystem.syncDirectory(directory) }
        state.pendingMoves = []
    }

    /// Rewrites the journal as one snapshot record when it has grown to
    /// four times its compacted size (and at least 1 MiB), so replaying it on
    /// open stays proportional to what the ledger holds.
    static func compactIfLarge(_ core: inout Core) throws(StoreError) {
        guard core.state.pendingMoves.isEmpty, core.journal.length > max(1 << 20, 4 * core.compactedLength) else { return }
        try compact(&core)
    }

    private static func compact(_ core: inout Core) throws(StoreError) {
        try core.journal.replace(with: core.state.snapshot)
        core.compactedLength = core.journal.length
    }
}
