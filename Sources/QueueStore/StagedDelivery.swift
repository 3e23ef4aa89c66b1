/// A delivery a batch has written to the ledger's staging directory (or,
/// for a Message-ID duplicate, only noted), waiting for the commit.
struct StagedDelivery: Sendable {
    let identity: SourceIdentity
    let messageID: String?
    /// Whether the Message-ID duplicate check applies at commit too.
    let checksMessageID: Bool
    /// Where its files go once committed, each sidecar before its message,
    /// so a mail tool that sees a message can always find its sidecar.
    let placements: [FilePlacement]
    /// The descriptors of its staged files, open for the commit's `fdatasync`.
    let kept: KeptDescriptors?
    let spoolName: String?
    /// Its line of the commit's ``SpoolIndex`` (JSON and a newline); nil when nothing was staged.
    let spoolRecord: [UInt8]?
    let interactions: [QueuedFile]
    /// `stored` when files were staged; otherwise what ``StoreBatch/add(_:)`` found.
    let outcome: DeliveryOutcome

    /// A delivery that writes nothing: a duplicate by Message-ID (recorded as
    /// handled at commit), one already stored, or one not processed.
    static func unwritten(_ identity: SourceIdentity, messageID: String?, _ outcome: DeliveryOutcome) -> StagedDelivery {
        StagedDelivery(
            identity: identity, messageID: messageID, checksMessageID: true, placements: [], kept: nil, spoolName: nil,
            spoolRecord: nil, interactions: [], outcome: outcome)
    }

    /// What the commit reports for it, given its final outcome.
    func receipt(_ outcome: DeliveryOutcome) -> DeliveryReceipt {
        outcome == .stored
            ? DeliveryReceipt(identity: identity, outcome: outcome, spoolName: spoolName, interactions: interactions)
            : DeliveryReceipt(identity: identity, outcome: outcome, spoolName: nil, interactions: [])
    }

    /// The names of its files in staging: each is moved exactly once.
    var stagedFiles: [String] {
        placements.filter { $0.kind == .move }.map(\.staged)
    }

    /// Deletes its staged files (it turned out not to be needed, or the batch was given up).
    func removeStagedFiles(in staging: DirectoryHandle) throws(StoreError) {
        for file in stagedFiles { try FileSystem.remove(staging.file(file)) }
    }
}
