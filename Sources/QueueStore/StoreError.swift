import Glibc

/// Why the queue store could not do what was asked, worded for the person
/// who must fix it: every case names the file or directory involved.
///
/// When a store operation throws, nothing it was asked to make durable is
/// reported durable: a caller that deletes mail on the server only after a
/// successful ``StoreBatch/commit()`` never loses a message to one of these.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A system call failed: `operation` (`fsync`, `rename`, ...) on `path`, with the errno.
    case system(operation: String, path: String, code: Int32)
    /// `path` exists but is not a queue store: `found` says what is there instead.
    case notAStore(path: String, found: String)
    /// Another process (or another ledger object in this one) holds the ledger's lock file.
    case ledgerInUse(ledger: String, lockPath: String)
    /// The ledger's journal is damaged before its last record, so it cannot
    /// tell which messages were stored; the byte offset is where the damage starts.
    case corruptJournal(path: String, offset: Int, reason: String)
    /// A ledger or queue name that cannot be stored: `reason` says which rule it breaks.
    case invalidName(kind: String, name: String, reason: String)
    /// An interaction without a queue (the rules define no default queue for its mailbox).
    case noQueue(source: String, mailbox: String)
    /// A sidecar that cannot be read back: missing fields, or not the JSON the store writes.
    case unreadableSidecar(path: String, reason: String)
    /// The batch was already committed or discarded; make a new one with ``DeliveryLedger/makeBatch()``.
    case batchClosed(ledger: String)
    /// A delivery prepared by one ledger was added to a batch of another.
    case otherLedger(batch: String, prepared: String)

    /// The error of the system call that just failed.
    static func lastSystemError(_ operation: String, _ path: String) -> StoreError {
        .system(operation: operation, path: path, code: errno)
    }

    /// The message for a person, naming the path and the cause.
    public var description: String {
        switch self {
        case .system(let operation, let path, let code):
            "queue store: \(operation) \(path) failed: \(String(cString: strerror(code))) (errno \(code))"
        case .notAStore(let path, let found):
            "queue store: \(path) is not a mailroute queue store (\(found)); give an empty or new directory, or an existing store"
        case .ledgerInUse(let ledger, let lockPath):
            "queue store: the ledger \"\(ledger)\" is in use by another process (lock \(lockPath)); "
                + "run one service or reprocess per mailbox at a time"
        case .corruptJournal(let path, let offset, let reason):
            "queue store: the ledger journal \(path) is damaged at byte \(offset) (\(reason)); "
                + "restore it from a backup or move it aside (mail already stored may then be stored again)"
        case .invalidName(let kind, let name, let reason):
            "queue store: the \(kind) name \"\(name)\" cannot be used: \(reason)"
        case .noQueue(let source, let mailbox):
            "queue store: \(source) has an interaction without a queue: the rules give the mailbox \"\(mailbox)\" "
                + "no default queue; define queues/@default-inbound or the mailbox's default-queue"
        case .unreadableSidecar(let path, let reason):
            "queue store: the sidecar \(path) cannot be read: \(reason)"
        case .batchClosed(let ledger):
            "queue store: a batch of the ledger \"\(ledger)\" was used after commit() or discard(); make a new batch"
        case .otherLedger(let batch, let prepared):
            "queue store: a delivery prepared by the ledger \"\(prepared)\" was added to a batch of \"\(batch)\"; "
                + "prepare it with the batch's own ledger"
        }
    }
}
