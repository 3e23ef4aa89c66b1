import QueueStore
import Reports

/// The calling thread's side of a reprocessing run: counts each result into
/// the summary, spools the records, stores the messages with `--apply`,
/// shows progress, writes checkpoints.
final class ReprocessRun {
    private(set) var summary: ReprocessSummary
    let spool: RecordSpool
    /// The queue store with `--apply`; nil for a dry run.
    private let store: ReprocessStore?
    private let meter: ProgressMeter
    private let checkpointPath: String?
    private let header: ReportHeader
    private let sourcesFingerprint: String
    /// Bytes of each source as counted before the run (nil: unknown).
    private let sourceBytes: [Int?]
    private var bytes: Int
    private var sourceBase: Int
    private var handled = 0
    private var lastCheckpoint = MonotonicClock.now
    private let checkpointEvery = TestHooks.checkpointEvery
    private let killAfter = TestHooks.killAfter

    /// Entries done in all, this process and the ones before it.
    var entries: Int { summary.messages + summary.unreadable }

    init(
        header: ReportHeader, summary: ReprocessSummary, spool: RecordSpool, store: ReprocessStore?, meter: ProgressMeter,
        checkpointPath: String?, sourcesFingerprint: String, sourceBytes: [Int?], start: WalkPosition, bytesDone: Int
    ) {
        self.header = header
        self.summary = summary
        self.spool = spool
        self.store = store
        self.meter = meter
        self.checkpointPath = checkpointPath
        self.sourcesFingerprint = sourcesFingerprint
        self.sourceBytes = sourceBytes
        bytes = bytesDone
        sourceBase = sourceBytes.prefix(start.source).reduce(0) { $0 + ($1 ?? 0) }
    }

    /// Counts one step of the walk; `position` is where the walk stands after it.
    func deliver(_ step: ReprocessWalk.Step<ReprocessedMessage>, at position: WalkPosition) throws(ReprocessRunError) {
        switch step {
        case .message(let ordinal, let result, let size, let offset):
            count(result, ordinal: ordinal)
            if let store, let delivery = result.delivery {
                try storing { () throws(StoreError) in try store.add(delivery) }
            }
            bytes = offset.map { sourceBase + $0 + size } ?? bytes + size
        case .problem(let ordinal, let where_, let reason):
            summary.unreadable += 1
            spool.append(ReportRecord.bad(BadEntry(ordinal: ordinal, position: where_, kind: .unreadable, reason: reason)).jsonLine())
        case .sourceDone(let source):
            if let total = sourceBytes[source] { bytes = sourceBase + total }
            sourceBase = bytes
        }
        if case .sourceDone = step { return }
        meter.update(entries: entries, bytes: bytes)
        handled += 1
        try checkpointIfDue(position)
        if let killAfter, handled >= killAfter { TestHooks.crash() }
    }

    private func count(_ result: ReprocessedMessage, ordinal: EntryOrdinal) {
        summary.messages += 1
        summary.new.add(result.new.outcome, matches: result.new.matches, ruleErrors: result.new.ruleErrors.count)
        if let old = result.old {
            summary.old?.add(old.outcome, matches: old.matches, ruleErrors: old.ruleErrors.count)
            summary.impact?.add(old: old.outcome, new: result.new.outcome)
        }
        if let record = result.changedRecord { spool.append(record) }
        // Which rule set failed needs saying only when there are two.
        let comparing = result.old != nil
        let failures = unique(result.new.ruleErrors).map { comparing ? "new rules: \($0)" : $0 }
            + unique(result.old?.ruleErrors ?? []).map { "old rules: \($0)" }
        if !failures.isEmpty {
            summary.ruleErrorMessages += 1
            let entry = BadEntry(ordinal: ordinal, position: result.position, kind: .ruleError, reason: failures.joined(separator: "; "))
            spool.append(ReportRecord.bad(entry).jsonLine())
        }
    }

    /// Recipient copies repeat a rule's failure once per copy; the report says it once.
    private func unique(_ sentences: [String]) -> [String] {
        var seen: Set<String> = []
        return sentences.filter { seen.insert($0).inserted }
    }

    /// Runs a store operation and counts the receipts of any commit it made.
    private func storing(_ operation: () throws(StoreError) -> [DeliveryReceipt]) throws(ReprocessRunError) {
        do throws(StoreError) {
            summary.store?.add(try operation())
        } catch {
            throw .store(error)
        }
    }

    private func checkpointIfDue(_ position: WalkPosition) throws(ReprocessRunError) {
        guard let checkpointPath else { return }
        if let checkpointEvery {
            guard handled % checkpointEvery == 0 else { return }
        } else {
            guard handled & 255 == 0, MonotonicClock.now - lastCheckpoint >= 5 else { return }
        }
        // The store first: a checkpoint must never say more is done than the store holds.
        if let store { try storing { () throws(StoreError) in try store.commit() } }
        do throws(FileError) {
            try spool.sync()
            let checkpoint = Checkpoint(
                header: header, sourcesFingerprint: sourcesFingerprint, position: position, recordsLength: spool.length,
                bytesDone: bytes, summary: summary)
            if case .failure(let error) = checkpoint.write(to: checkpointPath) { throw error }
        } catch {
            throw .file(error)
        }
        lastCheckpoint = MonotonicClock.now
    }

    /// Commits what is left to the store, then writes the last progress line.
    func finish() throws(ReprocessRunError) {
        if let store { try storing { () throws(StoreError) in try store.commit() } }
        meter.finish(entries: entries, unreadable: summary.unreadable)
    }
}
