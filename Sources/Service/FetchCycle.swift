import Configuration
import Logging
import MessageModel
import Pipeline
import QueueStore
import Rules

/// One cycle of one mailbox: list, settle what earlier cycles stored, fetch
/// the new messages, route them, store them durably, and only then take
/// them off the server.
///
/// Exactly once: a message's interactions are committed to the queue store
/// together with its identity (UIDL, or UIDVALIDITY and UID) before the
/// server is asked to remove it. A crash after the commit leaves it on the
/// server, where the next cycle finds its identity already stored and
/// removes it without storing it again; `leave-msg-on-server` relies on the
/// same record.
struct FetchCycle {
    /// Messages stored per group commit: one journal write and a few
    /// directory fsyncs per group, never one per message.
    static let groupSize = 100

    let account: MailboxAccount
    let pipeline: Pipeline
    let profile: MailboxProfile
    let ledger: DeliveryLedger
    let logger: Logger
    let stop: StopRequest
    let observer: FetchObserver

    /// Runs the cycle on a logged-in session and ends the session.
    ///
    /// - Parameter memory: what earlier cycles of this run learnt about
    ///   messages to skip or to fetch alone; updated.
    func run(on session: RemoteMailboxSession, memory: inout MailboxMemory) throws(FetchError) -> CycleReport {
        var report = CycleReport()
        let listing = try session.list(sizesFor: { !ledger.contains($0) })
        report.listed = listing.count
        var settled: [RemoteMessage] = []
        var fresh: [RemoteMessage] = []
        for message in listing {
            if ledger.contains(session.identity(of: message)) {
                settled.append(message)
            } else if !memory.left.contains(message.uniqueID) {
                fresh.append(message)
            }
        }
        if !account.leaveMessageOnServer && !settled.isEmpty {
            logger.notice("removing messages stored in an earlier cycle", metadata: ["count": "\(settled.count)"])
            try session.removeProcessed(settled)
            report.removed += settled.count
        }
        do {
            _ = try ledger.prune(retaining: listing.map(session.identity(of:)))
        } catch {
            throw .store(error)
        }
        let chosen = fresh.prefix(account.maximumMessageNumber)
        report.deferred = fresh.count - chosen.count
        let ordinary = chosen.filter { memory.suspects[$0.uniqueID] == nil }
        var start = 0
        while start < ordinary.count && !stop.isRequested {
            let group = Array(ordinary[start..<min(start + Self.groupSize, ordinary.count)])
            try handle(group, session: session, report: &report, memory: &memory) { each throws(FetchError) in
                try session.retrieve(group, part: part(of:), maximumSize: Self.retrievalLimit(for: profile), each: each)
            }
            start += group.count
        }
        for suspect in chosen where memory.suspects[suspect.uniqueID] != nil && !stop.isRequested {
            let breaks = memory.suspects[suspect.uniqueID, default: 0]
            try handle([suspect], session: session, report: &report, memory: &memory) { each throws(FetchError) in
                guard breaks < 2 else {
                    return each(suspect, .refused(reason: "the server broke the connection twice while sending it"))
                }
                try session.retrieve([suspect], part: part(of:), maximumSize: Self.retrievalLimit(for: profile), each: each)
            }
        }
        try session.finish()
        return report
    }

    /// What to retrieve of a message: its header only when the size stage
    /// will not need more (too large, or of unknown size that is not allowed).
    private func part(of message: RemoteMessage) -> RemotePart {
        guard let size = message.size else { return profile.allowBadMessageSize ? .message : .header }
        return size > profile.maximumMessageSize ? .header : .message
    }

    /// Routes and stores one group as `retrieval` hands its messages over,
    /// then removes the group from the server.
    ///
    /// When the retrieval fails, what arrived whole before is still stored
    /// (and removed from the server by the next cycle), and the message in
    /// flight becomes a suspect.
    private func handle(
        _ group: [RemoteMessage], session: RemoteMailboxSession, report: inout CycleReport, memory: inout MailboxMemory,
        retrieval: ((RemoteMessage, RetrievalResult) -> Void) throws(FetchError) -> Void
    ) throws(FetchError) {
        let batch = ledger.makeBatch()
        var sorting = Sorting()
        var storeFailure: StoreError?
        do throws(FetchError) {
            try retrieval { message, result in
                guard storeFailure == nil, !stop.isRequested else { return }
                do throws(StoreError) {
                    try sort(message, result, session: session, batch: batch, into: &sorting, report: &report)
                } catch {
                    storeFailure = error
                }
                observer.messageRetrieved?(account.name)
            }
        } catch {
            for message in sorting.left { memory.left.insert(message.uniqueID) }
            if let suspect = session.messageInFlight {
                memory.suspects[suspect.uniqueID, default: 0] += 1
                logger.warning(
                    "the connection broke while this message was being sent; it will be fetched alone",
                    metadata: ["uid": "\(suspect.uniqueID)", "times": "\(memory.suspects[suspect.uniqueID] ?? 0)"])
            }
            if storeFailure == nil {
                do {
                    _ = try batch.commit()
                } catch {
                    throw .store(error)
                }
            } else {
                batch.discard()
            }
            throw error
        }
        if let storeFailure {
            batch.discard()
            throw .store(storeFailure)
        }
        do {
            _ = try batch.commit()
        } catch {
            throw .store(error)
        }
        observer.groupCommitted?(account.name, group.count)
        CrashPoint.groupCommitted()
        for message in sorting.left { memory.left.insert(message.uniqueID) }
        if account.leaveMessageOnServer {
            try session.markKept(sorting.processed)
        } else {
            try session.removeProcessed(sorting.processed)
            report.removed += sorting.processed.count
        }
        try session.delete(sorting.deleted)
        try session.moveToFailed(sorting.failed)
    }

    /// The most a single retrieval may bring: the size limit with room for
    /// a server that undercounts, and never less than 1 MiB.
    static func retrievalLimit(for profile: MailboxProfile) -> Int {
        max(1 << 20, profile.maximumMessageSize + profile.maximumMessageSize / 4)
    }

    /// Where the messages of a group go on the server once it is stored.
    private struct Sorting {
        var processed: [RemoteMessage] = []
        var deleted: [RemoteMessage] = []
        var failed: [RemoteMessage] = []
        var left: [RemoteMessage] = []
    }

    /// Routes one retrieved message into the batch, or decides what becomes
    /// of one that could not be retrieved.
    private func sort(
        _ remote: RemoteMessage, _ result: RetrievalResult, session: RemoteMailboxSession, batch: StoreBatch,
        into sorting: inout Sorting, report: inout CycleReport
    ) throws(StoreError) {
        let name = ["uid": Logger.MetadataValue.string(remote.uniqueID)]
        switch result {
        case .retrieved(let bytes):
            let message = Message(bytes: bytes, scope: pipeline.messageScope)
            let decision = pipeline.process(message: message, mailbox: profile, reportedSize: remote.size ?? -1)
            var delivery = Delivery(
                identity: session.identity(of: remote), message: message, decision: decision, reportedSize: remote.size)
            delivery.checksDuplicateMessageID = account.checksMessageIDs(with: profile)
            switch try batch.add(delivery) {
            case .stored:
                sorting.processed.append(remote)
                report.stored += 1
                report.interactions += decision.interactions.count
                logger.debug("stored", metadata: name.merging(["queues": "\(decision.interactions.compactMap(\.queue))"]) { $1 })
            case .alreadyStored:
                sorting.processed.append(remote)
                report.alreadyStored += 1
            case .duplicateMessageID(let messageID):
                sorting.processed.append(remote)
                report.duplicates += 1
                logger.info("skipped: Message-ID already stored", metadata: name.merging(["message-id": "\(messageID)"]) { $1 })
            case .notProcessed(.delete):
                sorting.deleted.append(remote)
                report.deletedUnprocessed += 1
                logger.notice("deleted unprocessed, as the size options say", metadata: sizeMetadata(remote, name))
            case .notProcessed:
                sorting.left.append(remote)
                report.left += 1
                logger.notice("left on the server, as the size options say", metadata: sizeMetadata(remote, name))
            }
        case .tooLarge(let limit):
            let metadata = sizeMetadata(remote, name).merging(["received-more-than": "\(limit)"]) { $1 }
            if profile.deleteBigMessage {
                sorting.deleted.append(remote)
                report.deletedUnprocessed += 1
                logger.notice("deleted: larger than the server reported", metadata: metadata)
            } else {
                sorting.left.append(remote)
                report.left += 1
                logger.notice("left on the server: larger than the server reported", metadata: metadata)
            }
        case .refused(let reason):
            let metadata = name.merging(["reason": "\(reason)"]) { $1 }
            if session.movesFailedMessages {
                sorting.failed.append(remote)
                report.movedToFailed += 1
                logger.warning("could not be retrieved; moved to the failed-items folder", metadata: metadata)
            } else if account.deleteBadFormattedMessage {
                sorting.deleted.append(remote)
                report.deletedUnprocessed += 1
                logger.warning("could not be retrieved; deleted (delete-bad-formatted-msg)", metadata: metadata)
            } else {
                sorting.left.append(remote)
                report.left += 1
                logger.warning("could not be retrieved; left on the server", metadata: metadata)
            }
        }
    }

    private func sizeMetadata(_ remote: RemoteMessage, _ base: Logger.Metadata) -> Logger.Metadata {
        base.merging([
            "reported-size": "\(remote.size.map(String.init) ?? "unknown")",
            "maximum-msg-size": "\(profile.maximumMessageSize)",
        ]) { $1 }
    }
}
