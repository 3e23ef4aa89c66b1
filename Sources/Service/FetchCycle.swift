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
    /// - Parameter left: unique IDs of messages left on the server earlier in
    ///   this run (oversized, unknown size, unretrievable); they are not
    ///   fetched again until the service restarts or the options change.
    func run(on session: RemoteMailboxSession, left: inout Set<String>) throws(FetchError) -> CycleReport {
        var report = CycleReport()
        let listing = try session.list()
        report.listed = listing.count
        var settled: [RemoteMessage] = []
        var fresh: [RemoteMessage] = []
        for message in listing {
            if ledger.contains(session.identity(of: message)) {
                settled.append(message)
            } else if !left.contains(message.uniqueID) {
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
        let chosen = Array(fresh.prefix(account.maximumMessageNumber))
        report.deferred = fresh.count - chosen.count
        var start = 0
        while start < chosen.count && !stop.isRequested {
            let group = Array(chosen[start..<min(start + Self.groupSize, chosen.count)])
            try fetch(group, from: session, report: &report, left: &left)
            start += group.count
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

    /// Fetches, routes and stores one group, then removes it from the server.
    private func fetch(
        _ group: [RemoteMessage], from session: RemoteMailboxSession, report: inout CycleReport, left: inout Set<String>
    ) throws(FetchError) {
        let batch = ledger.makeBatch()
        var sorting = Sorting()
        var storeFailure: StoreError?
        do throws(FetchError) {
            try session.retrieve(group, part: part(of:), maximumSize: Self.retrievalLimit(for: profile)) { message, result in
                guard storeFailure == nil, !stop.isRequested else { return }
                do throws(StoreError) {
                    try sort(message, result, session: session, batch: batch, into: &sorting, report: &report)
                } catch {
                    storeFailure = error
                }
                observer.messageRetrieved?(account.name)
            }
        } catch {
            // A message that broke the connection (a literal far larger than
            // announced) is not asked for again in this run, so it cannot
            // stop the mailbox cycle after cycle.
            for message in sorting.left { left.insert(message.uniqueID) }
            batch.discard()
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
        for message in sorting.left { left.insert(message.uniqueID) }
        if !account.leaveMessageOnServer {
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
