/// A delivery whose files a thread other than its batch's has already written
/// to the ledger's staging directory (``DeliveryLedger/prepare(_:)``), so that
/// the batch's thread only checks and commits it (``StoreBatch/add(_:)-(PreparedDelivery)``).
///
/// Nothing of it is visible or recorded before its batch commits. One that
/// will not be added after all is given up with ``discard()``.
public struct PreparedDelivery: Sendable {
    let staged: StagedDelivery
    /// The ledger whose staging directory holds its files.
    let ledger: DeliveryLedger

    /// The queue of each of its interactions, in order.
    public var queues: [String] { staged.interactions.map(\.queue) }

    /// Deletes its staged files, for a delivery that will not be added to a
    /// batch after all. Whatever cannot be deleted now goes when the ledger is next opened.
    public func discard() {
        try? staged.removeStagedFiles(in: ledger.staging)
    }
}

extension DeliveryLedger {
    /// Writes `delivery`'s files to staging, ahead of the batch that will
    /// commit it, on the calling thread. Returns nil, writing nothing, when
    /// there is nothing to write: the decision does not process the message,
    /// or the ledger already holds its identity; add the delivery itself then.
    ///
    /// - Throws: as ``StoreBatch/add(_:)-(Delivery)`` does; nothing of the delivery stays staged then.
    public func prepare(_ delivery: Delivery) throws(StoreError) -> PreparedDelivery? {
        guard delivery.decision.fetchAction == .process, !contains(delivery.identity) else { return nil }
        let staged = try DeliveryStaging.stage(delivery, messageID: delivery.messageID, ledger: self)
        return PreparedDelivery(staged: staged, ledger: self)
    }
}
