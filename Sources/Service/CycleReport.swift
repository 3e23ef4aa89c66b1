/// What one cycle of one mailbox did: logged at its end, and summed by
/// `mailroute run --once`.
public struct CycleReport: Sendable, Hashable {
    /// Messages the server listed.
    public var listed = 0
    /// Messages stored in this cycle (each with one or more interactions).
    public var stored = 0
    /// Interactions written to queues.
    public var interactions = 0
    /// Messages found already stored (by UID or UIDL), not stored again.
    public var alreadyStored = 0
    /// Messages skipped because their Message-ID was stored before.
    public var duplicates = 0
    /// Messages left on the server unprocessed (oversized, unknown size,
    /// or not retrievable), as the mailbox's options say.
    public var left = 0
    /// Messages deleted unprocessed (`delete-big-msg`, `delete-bad-formatted-msg`).
    public var deletedUnprocessed = 0
    /// Messages moved to the failed-items folder.
    public var movedToFailed = 0
    /// Stored messages taken off the server (deleted or moved to the processed folder).
    public var removed = 0
    /// New messages beyond `maximum-msg-number`, left for the next cycle.
    public var deferred = 0

    /// An empty report.
    public init() {}

    /// Adds another report's counts to this one.
    public mutating func add(_ other: CycleReport) {
        listed += other.listed
        stored += other.stored
        interactions += other.interactions
        alreadyStored += other.alreadyStored
        duplicates += other.duplicates
        left += other.left
        deletedUnprocessed += other.deletedUnprocessed
        movedToFailed += other.movedToFailed
        removed += other.removed
        deferred += other.deferred
    }

    /// The counts by name, in a fixed order, for logs and summaries.
    public var fields: [(String, Int)] {
        [
            ("listed", listed), ("stored", stored), ("interactions", interactions), ("already-stored", alreadyStored),
            ("duplicates", duplicates), ("left", left), ("deleted-unprocessed", deletedUnprocessed),
            ("moved-to-failed", movedToFailed), ("removed", removed), ("deferred", deferred),
        ]
    }
}
