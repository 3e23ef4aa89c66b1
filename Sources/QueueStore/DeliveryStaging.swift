import Pipeline

/// Writes one delivery's files into its ledger's staging directory: the
/// spool copy (the message as fetched), and each interaction's message
/// (header edits applied, the copy's recipient header set) with its
/// sidecar. An interaction stored exactly as fetched is not written again: it
/// becomes a hard link to the spool file. The spool file's record is kept
/// for the commit's ``SpoolIndex``.
enum DeliveryStaging {
    /// Stages `delivery` and returns where its files go once committed. On
    /// failure the files it wrote are deleted again.
    static func stage(_ delivery: Delivery, messageID: String?, ledger: DeliveryLedger) throws(StoreError) -> StagedDelivery {
        let decision = delivery.decision
        var queues: [(name: String, escaped: String)] = []
        for interaction in decision.interactions {
            guard let queue = interaction.queue else {
                throw .noQueue(source: "\(ledger.name) \(delivery.identity)", mailbox: decision.mailbox)
            }
            queues.append((queue, try ledger.store.prepareQueue(queue)))
        }
        let names = DeliveryFileNames(
            sequence: ledger.reserveSequence(), received: delivery.received, ledgerTag: ledger.tag,
            host: ledger.store.hostName)
        let origin = Sidecar.Origin(
            ledger: ledger.name, identity: delivery.identity, mailbox: decision.mailbox, messageID: messageID,
            received: delivery.received)
        let files = queues.indices.map { QueuedFile(queue: queues[$0].name, name: names.interaction($0 + 1)) }
        let raw = delivery.message.bytes
        let spool = names.stagedSpool

        var placements: [FilePlacement] = []
        let kept = KeptDescriptors()
        func create(_ staged: String, containing bytes: [UInt8]) throws(StoreError) {
            kept.keep(try FileSystem.createOpen(ledger.staging.file(staged), containing: bytes), for: staged)
        }
        func write(_ staged: String, _ bytes: [UInt8], to destination: String) throws(StoreError) {
            try create(staged, containing: bytes)
            placements.append(FilePlacement(kind: .move, staged: staged, destination: destination))
        }
        do throws(StoreError) {
            try create(spool, containing: raw)
            for (index, interaction) in decision.interactions.enumerated() {
                let edits = headerEdits(of: interaction)
                let bytes = HeaderEditor.apply(edits, to: interaction.message.bytes)
                let sidecar = Sidecar.interaction(
                    interaction, index: index, count: files.count, origin: origin, file: files[index].name, spool: names.spool,
                    headerEdits: edits, size: bytes.count)
                let escaped = queues[index].escaped
                let destination = StoreLayout.queueMessage(escaped, files[index].name)
                try write(names.stagedSidecar(index + 1), sidecar, to: StoreLayout.queueSidecar(escaped, files[index].name))
                if ledger.store.linksFiles && bytes == raw {
                    placements.append(FilePlacement(kind: .link, staged: spool, destination: destination))
                } else {
                    try write(names.stagedMessage(index + 1), bytes, to: destination)
                }
            }
            // The spool file's move comes last: after it, its links can no longer be made.
            placements.append(FilePlacement(kind: .move, staged: spool, destination: StoreLayout.spoolMessage(names.spool)))
        } catch {
            try? FileSystem.remove(ledger.staging.file(spool))
            for placement in placements { try? FileSystem.remove(ledger.staging.file(placement.staged)) }
            throw error
        }
        return StagedDelivery(
            identity: delivery.identity, messageID: messageID, checksMessageID: delivery.checksDuplicateMessageID,
            placements: placements, kept: kept, spoolName: names.spool,
            spoolRecord: Sidecar.spool(
                origin: origin, file: names.spool, size: raw.count, reportedSize: delivery.reportedSize, interactions: files),
            interactions: files, outcome: .stored)
    }

    /// The rules' header edits, then the copy's recipient in the field named
    /// by the mailbox's `copy-message-with-header` (replacing any such field).
    static func headerEdits(of interaction: Interaction) -> [HeaderEdit] {
        guard let recipient = interaction.copyRecipient else { return interaction.headerEdits }
        return interaction.headerEdits + [.set(name: interaction.mailbox.copyMessageWithHeader, value: recipient)]
    }
}
