import Pipeline

/// Writes one delivery's files into its ledger's staging directory: the
/// spool copy (the message as fetched) with its sidecar, and each
/// interaction's message (header edits applied, the copy's recipient header
/// set) with its sidecar.
enum DeliveryStaging {
    /// Stages `delivery` and returns what to move where once committed. On
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

        var moves: [(staged: String, destination: String)] = []
        func write(_ part: String, _ bytes: [UInt8], to destination: String) throws(StoreError) {
            let staged = names.staged(part)
            try FileSystem.create(ledger.staging + "/" + staged, containing: bytes)
            moves.append((staged, destination))
        }
        do throws(StoreError) {
            let raw = delivery.message.bytes
            try write(
                "s.json",
                Sidecar.spool(origin: origin, file: names.spool, size: raw.count, reportedSize: delivery.reportedSize, interactions: files),
                to: StoreLayout.spoolSidecars + "/" + names.spool + ".json")
            try write("s", raw, to: StoreLayout.spoolNew + "/" + names.spool)
            for (index, interaction) in decision.interactions.enumerated() {
                let edits = headerEdits(of: interaction)
                let bytes = HeaderEditor.apply(edits, to: interaction.message.bytes)
                let sidecar = Sidecar.interaction(
                    interaction, index: index, count: files.count, origin: origin, file: files[index].name, spool: names.spool,
                    headerEdits: edits, size: bytes.count)
                let escaped = queues[index].escaped
                try write("\(index + 1).json", sidecar, to: StoreLayout.queueSidecars(escaped) + "/" + files[index].name + ".json")
                try write("\(index + 1)", bytes, to: StoreLayout.queue(escaped) + "/new/" + files[index].name)
            }
        } catch {
            for move in moves { try? FileSystem.remove(ledger.staging + "/" + move.staged) }
            throw error
        }
        return StagedDelivery(
            identity: delivery.identity, messageID: messageID, checksMessageID: delivery.checksDuplicateMessageID, moves: moves,
            spoolName: names.spool, interactions: files, outcome: .stored)
    }

    /// The rules' header edits, then the copy's recipient in the field named
    /// by the mailbox's `copy-message-with-header` (replacing any such field).
    static func headerEdits(of interaction: Interaction) -> [HeaderEdit] {
        guard let recipient = interaction.copyRecipient else { return interaction.headerEdits }
        return interaction.headerEdits + [.set(name: interaction.mailbox.copyMessageWithHeader, value: recipient)]
    }
}
