/// A delivery a batch has written to the ledger's staging directory (or,
/// for a Message-ID duplicate, only noted), waiting for the commit.
struct StagedDelivery {
    let identity: SourceIdentity
    let messageID: String?
    /// Whether the Message-ID duplicate check applies at commit too.
    let checksMessageID: Bool
    /// The files to move once committed, each sidecar before its message, so a
    /// mail tool that sees a message can always find its sidecar.
    let moves: [(staged: String, destination: String)]
    let spoolName: String?
    let interactions: [QueuedFile]
    /// `stored`, or `duplicateMessageID` for a delivery that writes nothing.
    let outcome: DeliveryOutcome

    /// A duplicate by Message-ID: recorded as handled, nothing written.
    static func duplicate(_ identity: SourceIdentity, messageID: String) -> StagedDelivery {
        StagedDelivery(
            identity: identity, messageID: messageID, checksMessageID: true, moves: [], spoolName: nil, interactions: [],
            outcome: .duplicateMessageID(messageID))
    }

    /// What the commit reports for it, given its final outcome.
    func receipt(_ outcome: DeliveryOutcome) -> DeliveryReceipt {
        outcome == .stored
            ? DeliveryReceipt(identity: identity, outcome: outcome, spoolName: spoolName, interactions: interactions)
            : DeliveryReceipt(identity: identity, outcome: outcome, spoolName: nil, interactions: [])
    }

    /// Deletes its staged files (it turned out not to be needed, or the batch was given up).
    func removeStagedFiles(in staging: String) throws(StoreError) {
        for move in moves { try FileSystem.remove(staging + "/" + move.staged) }
    }
}
