/// What a ledger's journal says, in memory: the identities stored, the
/// recent Message-IDs, the next file sequence number, the messages the
/// server broke the connection on, and the file placements of the last
/// commit that are not known to be finished.
struct LedgerState {
    var stored: Set<SourceIdentity> = []
    /// How often the server broke the connection on each message not stored.
    var breaks: [SourceIdentity: Int] = [:]
    var messageIDs: MessageIDWindow
    var nextSequence: UInt64 = 1
    /// Committed placements not yet done; finished before the next commit or at the next open.
    var pendingPlacements: [FilePlacement] = []

    init(messageIDLimit: Int) {
        messageIDs = MessageIDWindow(limit: messageIDLimit)
    }

    /// Replays one journal record.
    mutating func apply(_ entries: [JournalEntry]) {
        for entry in entries {
            switch entry {
            case .stored(let identity):
                stored.insert(identity)
                breaks[identity] = nil
            case .forgot(let identity):
                stored.remove(identity)
                breaks[identity] = nil
            case .broke(let identity): breaks[identity, default: 0] += 1
            case .messageID(let id): messageIDs.insert(id)
            case .place(let placement): pendingPlacements.append(placement)
            case .next(let sequence): nextSequence = max(nextSequence, sequence)
            }
        }
    }

    /// One record that says all of the above except the placements: what a
    /// compacted journal holds once every placement is done.
    var snapshot: [JournalEntry] {
        [.next(nextSequence)] + stored.map { .stored($0) } + messageIDs.inOrder.map { .messageID($0) }
            + breaks.flatMap { identity, count in Array(repeating: JournalEntry.broke(identity), count: count) }
    }
}
