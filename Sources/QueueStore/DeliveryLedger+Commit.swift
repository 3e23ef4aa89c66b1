extension DeliveryLedger {
    /// The group commit of a batch, one batch of this ledger at a time:
    ///
    /// 1. drop deliveries a concurrent batch stored first;
    /// 2. `fdatasync` every staged file (on the descriptors kept open since
    ///    the writing, several at once when syncs wait, see ``ParallelSync``),
    ///    then `fsync` the staging directory once;
    /// 3. append one journal record (identities, Message-IDs, placements) and
    ///    `fdatasync` it: the commit point;
    /// 4. link and rename the files into their Maildirs and `fsync` each destination
    ///    directory once.
    ///
    /// A crash before 3 leaves only staged files, deleted at the next open; a
    /// crash after 3 leaves placements that the next open finishes.
    func commit(_ deliveries: [StagedDelivery], observer: ((CommitPhase) -> Void)?) throws(StoreError) -> [DeliveryReceipt] {
        let staging = self.staging
        let layout = store.layout
        return try core.withLock { (core: inout Core) throws(StoreError) -> [DeliveryReceipt] in
            try Self.finishPlacements(&core.state, staging: staging, layout: layout, observer: nil)
            try Self.compactIfLarge(&core)
            var receipts: [DeliveryReceipt] = []
            var entries: [JournalEntry] = []
            var accepted: [StagedDelivery] = []
            var batchMessageIDs: Set<String> = []
            for delivery in deliveries {
                switch delivery.outcome {
                case .alreadyStored, .notProcessed:
                    receipts.append(delivery.receipt(delivery.outcome))
                    continue
                case .stored, .duplicateMessageID:
                    break
                }
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
                entries += delivery.placements.map { JournalEntry.place($0) }
                accepted.append(delivery)
                receipts.append(delivery.receipt(delivery.outcome))
            }
            guard !entries.isEmpty else { return receipts }
            do throws(StoreError) {
                try Self.syncStagedFiles(of: accepted, in: staging)
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
            try Self.finishPlacements(&core.state, staging: staging, layout: layout, observer: observer)
            return receipts
        }
    }

    /// `fdatasync` of every staged file of `deliveries`, on the descriptors
    /// kept since their writing where there are some, then `fsync` of the
    /// staging directory.
    private static func syncStagedFiles(of deliveries: [StagedDelivery], in staging: String) throws(StoreError) {
        let files = deliveries.flatMap { delivery in
            delivery.stagedFiles.map { (path: staging + "/" + $0, descriptor: delivery.kept?.take($0) ?? -1) }
        }
        defer { for file in files { KeptDescriptors.release(file.descriptor) } }
        try ParallelSync.run(files.count) { index throws(StoreError) in
            let file = files[index]
            if file.descriptor >= 0 {
                try FileSystem.syncData(file.descriptor, path: file.path)
            } else {
                try FileSystem.syncData(of: file.path)
            }
        }
        if !files.isEmpty { try FileSystem.syncDirectory(staging) }
    }
}
