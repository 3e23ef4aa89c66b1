import Pipeline

/// What a batch did with one delivery.
public enum DeliveryOutcome: Sendable, Hashable {
    /// Its spool copy and interactions are staged (by ``StoreBatch/add(_:)``)
    /// or durably stored (in a receipt of ``StoreBatch/commit()``).
    case stored
    /// The ledger (or the same batch) already holds this identity; nothing new is stored.
    case alreadyStored
    /// The ledger already stored a message with this Message-ID and the check
    /// is on: nothing is stored, and the identity is recorded as handled.
    case duplicateMessageID(String)
    /// The decision was not `process`; nothing is stored or recorded.
    case notProcessed(FetchAction)
}
