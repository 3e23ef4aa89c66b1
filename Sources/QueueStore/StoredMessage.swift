/// A message file in the store (an interaction in a queue, or a spool
/// file) with its sidecar, as a listing yields it.
public struct StoredMessage<Record: Sendable>: Sendable {
    /// The Maildir file name without the `:2,` flags a mail tool may have added.
    public let name: String
    /// The file's path now (in `new/`, or `cur/` once a mail tool has seen it).
    public let path: String
    /// The sidecar's path; for a spool file, the path of the index holding its record.
    public let sidecarPath: String
    /// The sidecar's content.
    public let record: Record

    /// The message's bytes, as stored.
    ///
    /// - Throws: a system error when the file cannot be read (a mail tool may
    ///   have moved or deleted it since it was listed).
    public func bytes() throws(StoreError) -> [UInt8] {
        try FileSystem.read(.path(path))
    }
}

/// An interaction in a queue.
public typealias StoredInteraction = StoredMessage<InteractionRecord>
/// A message in the spool, as fetched.
public typealias SpoolEntry = StoredMessage<SpoolRecord>
