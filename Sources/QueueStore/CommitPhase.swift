/// Points inside a batch's life, reported to a test observer so that the
/// crash tests can kill the writer at each of them.
enum CommitPhase: Sendable, Equatable {
    /// A delivery was staged; the number of deliveries staged so far.
    case staged(Int)
    /// Every staged file and the staging directory are durable; nothing is committed yet.
    case filesSynced
    /// The journal record is durable: the batch is committed, nothing is visible yet.
    case committed
    /// The number of files moved into place so far.
    case moved(Int)
}
