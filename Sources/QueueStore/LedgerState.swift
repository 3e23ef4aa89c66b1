/// What a ledger's journal says, in memory: the identities stored, the
/// recent Message-IDs, the next file sequence number, and the moves of the
/// last commit that are not known to be finished.
struct LedgerState {
    var stored: Set<SourceIdentity> = []
    var messageIDs: MessageIDWindow
    var nextSequence: UInt64 = 1
    /// Committed moves not yet done; finished before the next commit or at the next open.
    var pendingMoves: [(staged: String, destination: String)] = []

    init(messageIDLimit: Int) {
        messageIDs = MessageIDWindow(limit: messageIDLimit)
    }

    /// Replays one journal record.
    mutating func apply(_ entries: [JournalEntry]) {
        for entry in entries {
            switch entry {
            case .stored(let identity): stored.insert(identity)
            case .forgot(let identity): stored.remove(identity)
            case .messageID(let id): messageIDs.insert(id)
            case .move(let staged, let destination): pendingMoves.append((staged, destination))
            case .next(let sequence): nextSequence = max(nextSequence, sequence)
            }
        }
    }

    /// One record that says all of the above except the moves: what a
    /// compacted journal holds once every move is done.
    var snapshot: [JournalEntry] {
        [.next(nextSequence)] + stored.map { .stored($0) } + messageIDs.inOrder.map { .messageID($0) }
    }
}
