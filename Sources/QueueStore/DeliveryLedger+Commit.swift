extension DeliveryLedger {
    /// The group commit of a batch, one batch of this ledger at a time:
    ///
    /// 1. drop deliveries a concurrent batch stored first;
    /// 2. write the batch's ``SpoolIndex``, `fdatasync` every staged file (on
    ///    the descriptors kept open since the writing, several at once when
    ///    syncs wait, see ``ParallelSync``), then `fsync` the staging directory once;
    /// 3. append one journal record (identities, Message-IDs, placements, the
    ///    index's last: a listed record always finds its spool file) and
    ///    `fdatasync` it: the commit point;
    /// 4. link and rename the files into their Maildirs and `fsync` each destination
    ///    directory once.
    ///
    /// A crash before 3 leaves only staged files, deleted at the next open; a
    /// crash after 3 leaves placements that the next open finishes.
    func commit(_ deliveries: [StagedDelivery], observer: ((CommitPhase) -> Void)?) throws(StoreError) -> [DeliveryReceipt] {
        try writer.withLock { (writer: inout JournalWriter) throws(StoreError) -> [DeliveryReceipt] in
            try finishPlacements(observer: nil)
            try compactIfLarge(&writer)
            let selection = state.withLock { Self.select(deliveries, against: $0) }
            for delivery in selection.dropped { try delivery.removeStagedFiles(in: staging) }
            guard !selection.entries.isEmpty else { return selection.receipts }
            var entries = selection.entries
            var index: FilePlacement?
            do throws(StoreError) {
                var files = selection.accepted.flatMap { delivery in delivery.stagedFiles.map { (name: $0, kept: delivery.kept) } }
                if let (placement, kept) = try SpoolIndex.stage(selection.accepted, in: staging) {
                    index = placement
                    files.append((placement.staged, kept))
                    entries.append(.place(placement))
                }
                try Self.syncStagedFiles(files, in: staging)
                observer?(.filesSynced)
                entries.append(.next(state.withLock { $0.nextSequence }))
                try writer.journal.append(entries)
            } catch {
                // Not committed: the staged files go (the next open would delete them anyway).
                for delivery in selection.accepted { try? delivery.removeStagedFiles(in: staging) }
                if let index { try? FileSystem.remove(staging.file(index.staged)) }
                throw error
            }
            observer?(.committed)
            state.withLock { $0.apply(entries) }
            try finishPlacements(observer: observer)
            return selection.receipts
        }
    }

    /// What a commit does with each delivery, decided against the ledger's
    /// state in one look: the journal entries to append, the deliveries they
    /// store, those a concurrent batch stored first or whose Message-ID the
    /// ledger has seen (their staged files are dropped), and every receipt in order.
    private static func select(
        _ deliveries: [StagedDelivery], against state: LedgerState
    ) -> (entries: [JournalEntry], accepted: [StagedDelivery], dropped: [StagedDelivery], receipts: [DeliveryReceipt]) {
        var receipts: [DeliveryReceipt] = []
        var entries: [JournalEntry] = []
        var accepted: [StagedDelivery] = []
        var dropped: [StagedDelivery] = []
        var batchMessageIDs: Set<String> = []
        // Sized once: a set or array that grows one delivery at a time copies itself over and over.
        batchMessageIDs.reserveCapacity(deliveries.count)
        receipts.reserveCapacity(deliveries.count)
        accepted.reserveCapacity(deliveries.count)
        entries.reserveCapacity(deliveries.count * 5)
        for delivery in deliveries {
            switch delivery.outcome {
            case .alreadyStored, .notProcessed:
                receipts.append(delivery.receipt(delivery.outcome))
                continue
            case .stored, .duplicateMessageID:
                break
            }
            if state.stored.contains(delivery.identity) {
                dropped.append(delivery)
                receipts.append(delivery.receipt(.alreadyStored))
                continue
            }
            entries.append(.stored(delivery.identity))
            if delivery.outcome == .stored, delivery.checksMessageID, let id = delivery.messageID, state.messageIDs.contains(id) {
                dropped.append(delivery)
                receipts.append(delivery.receipt(.duplicateMessageID(id)))
                continue
            }
            if delivery.outcome == .stored, let id = delivery.messageID, batchMessageIDs.insert(id).inserted {
                entries.append(.messageID(id))
            }
            entries += delivery.placements.map { JournalEntry.place($0) }
            accepted.append(delivery)
            receipts.append(delivery.receipt(delivery.outcome))
        }
        return (entries, accepted, dropped, receipts)
    }

    /// `fdatasync` of every staged file named, on the descriptor kept since
    /// its writing where there is one, then `fsync` of the staging directory.
    private static func syncStagedFiles(_ staged: [(name: String, kept: KeptDescriptors?)], in staging: DirectoryHandle) throws(StoreError) {
        let files = staged.map { (name: $0.name, descriptor: $0.kept?.take($0.name) ?? -1) }
        defer { for file in files { KeptDescriptors.release(file.descriptor) } }
        try ParallelSync.run(files.count) { index throws(StoreError) in
            let file = files[index]
            if file.descriptor >= 0 {
                try FileSystem.syncData(file.descriptor, path: staging.file(file.name).path)
            } else {
                try FileSystem.syncData(of: staging.file(file.name))
            }
        }
        if !files.isEmpty { try FileSystem.syncDirectory(staging) }
    }
}
