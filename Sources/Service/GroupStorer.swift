import Configuration
import Logging
import QueueStore
import Rules

/// The storing half of a fetch cycle, on a thread of its own: routes each
/// message the fetching thread retrieved (unless that thread routed it
/// already), adds it to the group's ``StoreBatch``, and commits the batch at
/// each group end, while the fetching thread already retrieves the next group.
///
/// It never touches the session: it hands each committed group's
/// ``GroupSorting`` back, and the fetching thread removes the group from the
/// server only then. After a store error it stores nothing more: the
/// uncommitted batch is discarded and the error handed back.
struct GroupStorer: Sendable {
    let routing: MessageRouting
    let ledger: DeliveryLedger
    let logger: Logger
    let observer: FetchObserver
    /// Whether the session can move unretrievable messages to a failed-items folder.
    let movesFailedMessages: Bool

    /// Starts the storing thread on `handoff`; it ends after ``StoreHandoff/Item/end``
    /// or a store error. Join it before the ledger is used again.
    func start(on handoff: StoreHandoff) throws(SystemThreadError) -> JoinableThread {
        try JoinableThread.start { self.run(handoff) }
    }

    private func run(_ handoff: StoreHandoff) {
        var report = CycleReport()
        var batch = ledger.makeBatch()
        var sorting = GroupSorting()
        var groupCount = 0
        // Made when first needed, so that the two threads never share the rules' reference counts.
        var ownRouting: MessageRouting?
        /// Adds a routed message to the group; false when storing failed and the thread must end.
        func add(_ remote: RemoteMessage, queues: [String], _ adding: (StoreBatch) throws(StoreError) -> DeliveryOutcome) -> Bool {
            groupCount += 1
            do throws(StoreError) {
                sort(remote, try adding(batch), queues: queues, into: &sorting, report: &report)
                return true
            } catch {
                batch.discard()
                handoff.fail(error)
                return false
            }
        }
        func add(_ remote: RemoteMessage, _ delivery: Delivery) -> Bool {
            add(remote, queues: delivery.decision.interactions.compactMap(\.queue)) { batch throws(StoreError) in
                try batch.add(delivery)
            }
        }
        loop: while true {
            switch handoff.take() {
            case .retrieved(let remote, let identity, let bytes):
                let own = ownRouting ?? routing.isolatedCopy()
                ownRouting = own
                guard add(remote, own.delivery(of: bytes, remote: remote, identity: identity)) else { break loop }
            case .routed(let remote, let delivery):
                guard add(remote, delivery) else { break loop }
            case .prepared(let remote, let prepared):
                guard add(remote, queues: prepared.queues, { batch throws(StoreError) in try batch.add(prepared) }) else { break loop }
            case .tooLarge(let remote, let limit):
                groupCount += 1
                sortTooLarge(remote, limit: limit, into: &sorting, report: &report)
            case .refused(let remote, let reason):
                groupCount += 1
                sortRefused(remote, reason: reason, into: &sorting, report: &report)
            case .groupEnd:
                do throws(StoreError) {
                    _ = try batch.commit()
                } catch {
                    handoff.fail(error)
                    break loop
                }
                observer.groupCommitted?(routing.account.name, groupCount)
                CrashPoint.groupCommitted()
                handoff.groupCommitted(sorting)
                batch = ledger.makeBatch()
                sorting = GroupSorting()
                groupCount = 0
            case .end:
                batch.discard()
                break loop
            }
        }
        handoff.finish(report: report)
    }

    /// Where a message that is not taken off the server as processed goes.
    private enum Destination {
        case deleted, failed, left
    }

    /// Puts `remote` on the list of `destination` and counts it there.
    private func send(_ remote: RemoteMessage, to destination: Destination, into sorting: inout GroupSorting, report: inout CycleReport) {
        switch destination {
        case .deleted:
            sorting.deleted.append(remote)
            report.deletedUnprocessed += 1
        case .failed:
            sorting.failed.append(remote)
            report.movedToFailed += 1
        case .left:
            sorting.left.append(remote)
            report.left += 1
        }
    }

    /// Notes where a message the batch took (with `outcome`) goes on the server.
    private func sort(
        _ remote: RemoteMessage, _ outcome: DeliveryOutcome, queues: [String], into sorting: inout GroupSorting,
        report: inout CycleReport
    ) {
        let name: Logger.Metadata = ["uid": "\(remote.uniqueID)"]
        switch outcome {
        case .stored:
            sorting.processed.append(remote)
            report.stored += 1
            report.interactions += queues.count
            logger.debug("stored", metadata: name.merging(["queues": "\(queues)"]) { $1 })
        case .alreadyStored:
            sorting.processed.append(remote)
            report.alreadyStored += 1
        case .duplicateMessageID(let messageID):
            sorting.processed.append(remote)
            report.duplicates += 1
            logger.info("skipped: Message-ID already stored", metadata: name.merging(["message-id": "\(messageID)"]) { $1 })
        case .notProcessed(.delete):
            send(remote, to: .deleted, into: &sorting, report: &report)
            logger.notice("deleted unprocessed, as the size options say", metadata: sizeMetadata(remote, name))
        case .notProcessed:
            send(remote, to: .left, into: &sorting, report: &report)
            logger.notice("left on the server, as the size options say", metadata: sizeMetadata(remote, name))
        }
    }

    /// A message larger than the limit is deleted or left, as `delete-big-msg` says.
    private func sortTooLarge(_ remote: RemoteMessage, limit: Int, into sorting: inout GroupSorting, report: inout CycleReport) {
        let metadata = sizeMetadata(remote, ["uid": "\(remote.uniqueID)", "received-more-than": "\(limit)"])
        if routing.profile.deleteBigMessage {
            send(remote, to: .deleted, into: &sorting, report: &report)
            logger.notice("deleted: larger than the server reported", metadata: metadata)
        } else {
            send(remote, to: .left, into: &sorting, report: &report)
            logger.notice("left on the server: larger than the server reported", metadata: metadata)
        }
    }

    /// A message the server would not give is moved to the failed folder, deleted or left, as the options say.
    private func sortRefused(_ remote: RemoteMessage, reason: String, into sorting: inout GroupSorting, report: inout CycleReport) {
        let metadata: Logger.Metadata = ["uid": "\(remote.uniqueID)", "reason": "\(reason)"]
        if movesFailedMessages {
            send(remote, to: .failed, into: &sorting, report: &report)
            logger.warning("could not be retrieved; moved to the failed-items folder", metadata: metadata)
        } else if routing.account.deleteBadFormattedMessage {
            send(remote, to: .deleted, into: &sorting, report: &report)
            logger.warning("could not be retrieved; deleted (delete-bad-formatted-msg)", metadata: metadata)
        } else {
            send(remote, to: .left, into: &sorting, report: &report)
            logger.warning("could not be retrieved; left on the server", metadata: metadata)
        }
    }

    private func sizeMetadata(_ remote: RemoteMessage, _ base: Logger.Metadata) -> Logger.Metadata {
        base.merging([
            "reported-size": "\(remote.size.map(String.init) ?? "unknown")",
            "maximum-msg-size": "\(routing.profile.maximumMessageSize)",
        ]) { $1 }
    }
}
