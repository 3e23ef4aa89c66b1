extension DeliveryLedger {
    /// The group commit of a batch, one batch of this ledger at a time:
    ///
    /// 1. drop deliveries a concurrent batch stored first;
    /// 2. `fdatasync` every staged file, then `fsync` the staging directory once;
    /// 3. append one journal record (identities, Message-IDs, moves) and
    ///    `fdatasync` it: the commit point;
    /// 4. rename the files into their Maildirs and `fsync` each destination
    ///    directory once.
    ///
    /// A crash before 3 leaves only staged files, deleted at the next open; a
    /// crash after 3 leaves moves that the next open finishes.
    func commit(_ deliveries: [StagedDelivery], observer: ((CommitPhase) -> Void)?) throws(StoreError) -> [DeliveryReceipt] {
        let staging = self.staging
        let layout = store.layout
        return try core.withLock { (core: inout Core) throws(StoreError) -> [DeliveryReceipt] in
            try Self.finishMoves(&core.state, staging: staging, layout: layout, observer: nil)
            try Self.compactIfLarge(&core)
            var receipts: [DeliveryReceipt] = []
            var entries: [JournalEntry] = []
            var accepted: [StagedDelivery] = []
            var batchMessageIDs: Set<String> = []
            for delivery in deliveries {
                if core.state.stored.contains(delivery.identity) {
                    try delivery.removeStagedFiles(in: staging)
                    receipts.append(delivery.receipt(.alreadyStored))
                    continue
                }
                entries.append(.stored(delivery.identity))
                if delivery.outcome == .stored, delivery.checksMessageID, let id = delivery.messageID,
                    core.state.messageIDs.contains(id)
                {
                    try delivery.removeStagedFiles(in: staging)
                    receipts.append(delivery.receipt(.duplicateMessageID(id)))
                    continue
                }
                if delivery.outcome == .stored, let id = delivery.messageID, batchMessageIDs.insert(id).inserted {
                    entries.append(.messageID(id))
                }
                entries += delivery.moves.map { JournalEntry.move(staged: $0.staged, destination: $0.destination) }
                accepted.append(delivery)
                receipts.append(delivery.receipt(delivery.outcome))
            }
            guard !entries.isEmpty else { return receipts }
            do throws(StoreError) {
                for delivery in accepted {
                    for move in delivery.moves { try FileSystem.syncData(of: staging + "/" + move.staged) }
                }
                if accepted.contains(where: { !$0.moves.isEmpty }) { try FileSystem.syncDirectory(staging) }
                observer?(.filesSynced)
                entries.append(.next(core.state.nextSequence))
                try core.journal.append(entries)
            } catch {
                // Not committed: the staged files go (the next open would delete them anyway).
                for delivery in accepted { try? delivery.removeStagedFiles(in: staging) }
                throw error
            }
            observer?(.committed)
            core.state.apply(entries)
            try Self.finishMoves(&core.state, staging: staging, layout: layout, observer: observer)
            return receipts
        }
    }
}
