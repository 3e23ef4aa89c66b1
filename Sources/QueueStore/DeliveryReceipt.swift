/// What ``StoreBatch/commit()`` made durable for one delivery.
public struct DeliveryReceipt: Sendable, Hashable {
    /// The delivery's source.
    public let identity: SourceIdentity
    /// The final outcome; `stored` means the files below are durable.
    public let outcome: DeliveryOutcome
    /// The spool file's name (in `spool/new/`), when the delivery was stored.
    public let spoolName: String?
    /// Each interaction's queue and file name (in `queues/<queue>/new/`), in decision order.
    public let interactions: [QueuedFile]
}

/// One interaction's message file in a queue.
public struct QueuedFile: Sendable, Hashable {
    /// The queue's name, as the rules write it.
    public let queue: String
    /// The Maildir file name, without any `:2,` flags a mail tool may add later.
    public let name: String
}
