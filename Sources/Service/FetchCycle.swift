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
    /// The most bytes of retrieved messages waiting for the storing thread
    /// (unless a single message is larger).
    static let handoffByteLimit = 8 << 20

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
    ///   messages to skip; updated. (Those to fetch alone are in the ledger.)
    func run(on session: RemoteMailboxSession, memory: inout MailboxMemory) throws(FetchError) -> CycleReport {
        var report = CycleReport()
        let listing: [RemoteMessage]
        do throws(FetchError) {
            listing = try session.list(sizesFor: { !ledger.contains($0) }, breaks: ledger.breaks(of:))
        } catch {
            recordBreak(on: session, while: "its size was being listed; it will be listed alone")
            throw error
        }
        report.listed = listing.count
        var settled: [RemoteMessage] = []
        var fresh: [RemoteMessage] = []
        for message in listing {
            if ledger.contains(session.identity(of: message)) {
                settled.append(message)
            } else if !memory.left.contains(session.identity(of: message)) {
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
        var ordinary: [RemoteMessage] = []
        var suspects: [RemoteMessage] = []
        for message in chosen {
            if ledger.breaks(of: session.identity(of: message)) == 0 { ordinary.append(message) } else { suspects.append(message) }
        }
        var groups = stride(from: 0, to: ordinary.count, by: Self.groupSize).map {
            Array(ordinary[$0..<min($0 + Self.groupSize, ordinary.count)])
        }
        // Suspects come last, each alone, so that one the server cannot send never holds up the others.
        groups += suspects.map { [$0] }
        if !groups.isEmpty {
            try fetchAndStore(groups, session: session, report: &report, memory: &memory)
        }
        try session.finish()
        return report
    }

    /// Retrieves and routes the groups on this thread while a ``GroupStorer``
    /// thread stores and commits them, a group or so behind; each group is
    /// removed from the server once its commit returned.
    ///
    /// When a retrieval fails, what arrived whole before is still stored
    /// (and removed from the server by the next cycle), and the message in
    /// flight becomes a suspect. When storing fails, the rest is left on the server.
    private func fetchAndStore(
        _ groups: [[RemoteMessage]], session: RemoteMailboxSession, report: inout CycleReport, memory: inout MailboxMemory
    ) throws(FetchError) {
        let handoff = StoreHandoff(capacity: Self.groupSize, byteLimit: Self.handoffByteLimit)
        let routing = MessageRouting(account: account, pipeline: pipeline, profile: profile)
        let storing: JoinableThread
        do {
            storing = try GroupStorer(
                routing: routing, ledger: ledger, logger: logger, observer: observer,
                movesFailedMessages: session.movesFailedMessages
            ).start(on: handoff)
        } catch {
            throw .noStoringThread(mailbox: account.name, error)
        }
        var failure: FetchError?
        do throws(FetchError) {
            for group in groups where !stop.isRequested {
                do throws(FetchError) {
                    try retrieve(group, session: session) { message, result in
                        // A stop leaves the rest of the group on the server; what was handed over is still committed.
                        guard !stop.isRequested else { return }
                        guard handoff.put(item(message, result, session: session, routing: routing, handoff: handoff)) else { return }
                        observer.messageRetrieved?(account.name)
                    }
                } catch {
                    recordBreak(on: session, while: "this message was being sent; it will be fetched alone")
                    // What arrived whole is still committed below; the session is broken, so nothing is removed now.
                    handoff.put(.groupEnd)
                    throw error
                }
                handoff.put(.groupEnd)
                if let storeFailure = handoff.storeFailure { throw .store(storeFailure) }
                for sorting in handoff.takeCommitted() {
                    try remove(sorting, session: session, report: &report, memory: &memory)
                }
            }
        } catch {
            failure = error
        }
        // Every path ends and joins the storing thread: its groups are committed
        // (or discarded), and the ledger is free for the next cycle.
        handoff.put(.end)
        let stored = handoff.waitUntilDone()
        storing.join()
        if let failure {
            for sorting in stored.committed { remember(sorting, of: session, in: &memory) }
            throw failure
        }
        if let storeFailure = stored.failure { throw .store(storeFailure) }
        report.add(stored.report)
        for sorting in stored.committed {
            try remove(sorting, session: session, report: &report, memory: &memory)
        }
    }

    /// What the storing thread gets for a message. A retrieved one is read,
    /// routed and written to staging by whichever thread has time: the more
    /// the storing thread is behind, the more of that is done here, so
    /// neither thread waits on the other for long.
    private func item(
        _ remote: RemoteMessage, _ result: RetrievalResult, session: RemoteMailboxSession, routing: MessageRouting,
        handoff: StoreHandoff
    ) -> StoreHandoff.Item {
        switch result {
        case .retrieved(let bytes):
            let identity = session.identity(of: remote)
            let backlog = handoff.backlog
            guard backlog != .small else { return .retrieved(remote, identity, bytes) }
            let delivery = routing.delivery(of: bytes, remote: remote, identity: identity)
            // A staging error is left to the storing thread, which meets it again and stops the cycle.
            guard backlog == .nearlyFull, let prepared = try? ledger.prepare(delivery) else { return .routed(remote, delivery) }
            return .prepared(remote, prepared)
        case .tooLarge(let limit):
            return .tooLarge(remote, limit: limit)
        case .refused(let reason):
            return .refused(remote, reason: reason)
        }
    }

    /// Asks the session for one group; a suspect that broke the connection
    /// twice is not asked for again but refused.
    private func retrieve(
        _ group: [RemoteMessage], session: RemoteMailboxSession, each: (RemoteMessage, RetrievalResult) -> Void
    ) throws(FetchError) {
        if group.count == 1, let suspect = group.first, ledger.breaks(of: session.identity(of: suspect)) >= 2 {
            return each(suspect, .refused(reason: "the server broke the connection twice when asked for it"))
        }
        try session.retrieve(group, part: part(of:), maximumSize: Self.retrievalLimit(for: profile), each: each)
    }

    /// Takes a committed group off the server as its sorting says.
    private func remove(
        _ sorting: GroupSorting, session: RemoteMailboxSession, report: inout CycleReport, memory: inout MailboxMemory
    ) throws(FetchError) {
        remember(sorting, of: session, in: &memory)
        if account.leaveMessageOnServer {
            try session.markKept(sorting.processed)
        } else {
            try session.removeProcessed(sorting.processed)
            report.removed += sorting.processed.count
        }
        try session.delete(sorting.deleted)
        try session.moveToFailed(sorting.failed)
    }

    /// Counts a break of the connection, in the ledger, against the message
    /// the session was waiting for, if any, so that the next cycles ask for
    /// it alone and then give it up.
    private func recordBreak(on session: RemoteMailboxSession, while doing: String) {
        guard let message = session.messageInFlight else { return }
        let identity = session.identity(of: message)
        do {
            try ledger.recordBreak(of: identity)
        } catch {
            logger.error("could not record the break in the ledger: \(error)", metadata: ["uid": "\(message.uniqueID)"])
        }
        logger.warning(
            "the connection broke while \(doing)",
            metadata: ["uid": "\(message.uniqueID)", "times": "\(ledger.breaks(of: identity))"])
    }

    private func remember(_ sorting: GroupSorting, of session: RemoteMailboxSession, in memory: inout MailboxMemory) {
        for message in sorting.left { memory.left.insert(session.identity(of: message)) }
    }

    /// What to retrieve of a message: its header only when the size stage
    /// will not need more (too large, or of unknown size that is not allowed).
    private func part(of message: RemoteMessage) -> RemotePart {
        guard let size = message.size else { return profile.allowBadMessageSize ? .message : .header }
        return size > profile.maximumMessageSize ? .header : .message
    }

    /// The most a single retrieval may bring: the size limit with room for
    /// a server that undercounts, and never less than 1 MiB.
    static func retrievalLimit(for profile: MailboxProfile) -> Int {
        max(1 << 20, profile.maximumMessageSize + profile.maximumMessageSize / 4)
    }
}
