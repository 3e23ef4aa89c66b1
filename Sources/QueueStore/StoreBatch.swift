/// A group of deliveries stored together: ``add(_:)`` writes each one's
/// files to the ledger's staging directory, ``commit()`` makes them all
/// durable with one journal record and a handful of directory `fsync`s (a
/// group commit, never one per message), then moves them into their queues.
///
/// Nothing a batch writes is visible in a queue before ``commit()`` returns,
/// and after it returns every delivery added is durable: stored, or found
/// already stored. A fetch service deletes messages on the server only then.
/// A batch is used by one thread; make one per group with ``DeliveryLedger/makeBatch()``.
public final class StoreBatch {
    let ledger: DeliveryLedger
    private var staged: [StagedDelivery] = []
    private var identities: Set<SourceIdentity> = []
    private var messageIDs: Set<String> = []
    private var isOpen = true
    /// Told of each step, for the crash tests; nil otherwise.
    var phaseObserver: ((CommitPhase) -> Void)?

    /// Room made at once for a batch of a usual size (a fetch cycle's group
    /// is 100), so that its sets do not rehash themselves as they grow.
    static let expectedDeliveries = 128

    init(ledger: DeliveryLedger) {
        self.ledger = ledger
        staged.reserveCapacity(Self.expectedDeliveries)
        identities.reserveCapacity(Self.expectedDeliveries)
        messageIDs.reserveCapacity(Self.expectedDeliveries)
    }

    deinit {
        // A batch dropped without commit: its staged files are not needed. The
        // next open of the ledger deletes any this could not.
        if isOpen { discard() }
    }

    /// How many deliveries were added.
    public var count: Int { staged.count }

    /// Stages `delivery`: writes its spool copy, its interactions (header
    /// edits applied) and their sidecars to staging. Returns `stored` when
    /// staged; `alreadyStored` when the ledger or this batch has its identity;
    /// `duplicateMessageID` when the check is on and its Message-ID was seen
    /// (recorded at commit as handled); `notProcessed` for `leave`/`delete` decisions.
    ///
    /// - Throws: ``StoreError/noQueue(source:mailbox:)`` for an interaction
    ///   without a queue, name and system errors; the delivery is then not in
    ///   the batch and nothing of it stays staged.
    public func add(_ delivery: Delivery) throws(StoreError) -> DeliveryOutcome {
        guard isOpen else { throw .batchClosed(ledger: ledger.name) }
        let identity = delivery.identity
        let messageID = delivery.messageID
        let outcome: DeliveryOutcome
        if delivery.decision.fetchAction != .process {
            outcome = .notProcessed(delivery.decision.fetchAction)
        } else if let earlier = earlierOutcome(identity, messageID: messageID, checksMessageID: delivery.checksDuplicateMessageID) {
            outcome = earlier
        } else {
            accept(try DeliveryStaging.stage(delivery, messageID: messageID, ledger: ledger))
            return .stored
        }
        accept(.unwritten(identity, messageID: messageID, outcome))
        return outcome
    }

    /// Adds a delivery already written to staging by ``DeliveryLedger/prepare(_:)``
    /// (on another thread): `stored`, or, when the ledger or this batch
    /// has its identity or Message-ID by now, `alreadyStored` or
    /// `duplicateMessageID`, its staged files deleted.
    ///
    /// - Throws: ``StoreError/batchClosed(ledger:)``; ``StoreError/otherLedger(batch:prepared:)``
    ///   for a delivery prepared by another ledger. Its staged files are deleted then.
    public func add(_ prepared: PreparedDelivery) throws(StoreError) -> DeliveryOutcome {
        let staged = prepared.staged
        guard isOpen, prepared.ledger === ledger else {
            prepared.discard()
            throw isOpen ? .otherLedger(batch: ledger.name, prepared: prepared.ledger.name) : .batchClosed(ledger: ledger.name)
        }
        if let earlier = earlierOutcome(staged.identity, messageID: staged.messageID, checksMessageID: staged.checksMessageID) {
            try? staged.removeStagedFiles(in: ledger.staging)
            accept(.unwritten(staged.identity, messageID: staged.messageID, earlier))
            return earlier
        }
        accept(staged)
        return .stored
    }

    /// Makes every added delivery durable and visible, and returns what
    /// happened to each, in the order added: `stored` (its files are in
    /// place), `alreadyStored` (also when a concurrent batch of the ledger
    /// stored it first), `duplicateMessageID` (recorded as handled) or
    /// `notProcessed`. The batch is closed afterwards.
    ///
    /// - Throws: system errors. When it throws, the caller must treat the
    ///   batch's messages as not stored (and keep them on the server); adding
    ///   them again to a new batch is safe, as the ledger stores each once.
    public func commit() throws(StoreError) -> [DeliveryReceipt] {
        guard isOpen else { throw .batchClosed(ledger: ledger.name) }
        isOpen = false
        // Dropping the deliveries closes whatever descriptors the commit did not take.
        defer { staged = [] }
        return try ledger.commit(staged, observer: phaseObserver)
    }

    /// Gives up the batch: its staged files are deleted and nothing is recorded.
    public func discard() {
        guard isOpen else { return }
        isOpen = false
        // Whatever cannot be deleted now is deleted when the ledger is next opened.
        for delivery in staged { try? delivery.removeStagedFiles(in: ledger.staging) }
        staged = []
    }

    /// What a delivery about to be stored turns out to be: already stored (by
    /// the ledger, or earlier in this batch), a Message-ID duplicate when the
    /// check is on, or nil (to be stored).
    private func earlierOutcome(_ identity: SourceIdentity, messageID: String?, checksMessageID: Bool) -> DeliveryOutcome? {
        if identities.contains(identity) || ledger.contains(identity) { return .alreadyStored }
        if checksMessageID, let messageID, messageIDs.contains(messageID) || ledger.containsMessageID(messageID) {
            return .duplicateMessageID(messageID)
        }
        return nil
    }

    private func accept(_ delivery: StagedDelivery) {
        staged.append(delivery)
        switch delivery.outcome {
        case .stored, .duplicateMessageID:
            identities.insert(delivery.identity)
            if let messageID = delivery.messageID { messageIDs.insert(messageID) }
        case .alreadyStored, .notProcessed:
            break
        }
        phaseObserver?(.staged(staged.count))
    }
}
