import ArgumentParser
import Glibc
import Mailboxes
import Pipeline
import QueueStore
import Reports

/// `mailroute reprocess`: stored mail through the rules again, on all cores,
/// with a report of what the rules do to it and, with `--compare`, of what
/// changes from the old rules; with `--apply`, the new interactions stored in
/// the queue store, each message exactly once however often the run is killed.
struct ReprocessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reprocess",
        abstract: "Run stored mail through rules and report per-queue and per-rule counts; with --compare, what a rule change does.",
        discussion: """
            Without --apply, a dry run: nothing is written but the report. With --apply --queues DIR, \
            the interactions are stored in the queue store DIR as the service stores them; a run \
            killed and started again stores each message exactly once. Each message is read and \
            parsed once, whatever the number of rule sets. Unreadable entries and messages on which \
            a rule fails are listed and counted; the run goes on. See docs-reprocess.md for the report formats.
            """)

    @Argument(help: "Mailboxes to read: Maildir, mbox, directory of .eml files, message file, or - for standard input.")
    var sources: [String]

    @Option(help: "The rule file to run (the new rules).")
    var rules: String

    @Option(help: "The mailbox profile every message comes through (default: chosen from each message's recipients).")
    var mailbox: String?

    @Option(help: "Threads that route messages (default: one per core). The report never depends on it.")
    var jobs: Int = CPUCount.online

    @Option(help: "Standard output: table for people, jsonl for machines (the JSON report).")
    var format: ReportOutput.Format = .table

    @Option(help: "The old rule file: report what changes from it to --rules.")
    var compare: String?

    @Option(help: "Also write the report as one self-contained HTML page to this file.")
    var html: String?

    @Option(help: "Also write the JSON report (the jsonl format) to this file, for machines and report merge.")
    var json: String?

    @Option(help: "Save progress to this file now and then; run the same command again to continue a killed run.")
    var checkpoint: String?

    @Option(help: "Do only share I of N of the entries (1/3, 2/3, 3/3); merge the JSON reports with 'mailroute report merge'.")
    var shard: String?

    @Flag(help: "Store the interactions the rules make in the queue store --queues (not with --compare).")
    var apply = false

    @Option(help: "The queue store --apply writes to: a directory, created when new.")
    var queues: String?

    @Flag(help: "No progress on standard error.")
    var quiet = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        if let shard {
            do { _ = try ShardSpec(shard) } catch { throw ValidationError("\(error)") }
        }
        if checkpoint != nil && sources.contains("-") {
            throw ValidationError("--checkpoint cannot resume standard input (-); give files or directories")
        }
        try validateApply()
    }

    private func validateApply() throws {
        switch (apply, queues) {
        case (true, nil):
            throw ValidationError("--apply needs --queues DIR, the queue store to write the interactions to")
        case (false, _?):
            throw ValidationError("--queues is where --apply stores the interactions; add --apply (without it, reprocess only reports)")
        default:
            break
        }
        guard apply else { return }
        if compare != nil {
            throw ValidationError(
                "--apply stores what --rules decides and cannot be combined with --compare; "
                    + "compare first, then run --apply without --compare")
        }
        if sources.contains("-") {
            throw ValidationError(
                "--apply cannot store standard input (-): a message is recognised on a later run by its file and position; "
                    + "give files or directories")
        }
    }

    func run() throws {
        // Before the workers start: later, each growth of the table stalls every thread.
        if apply { DescriptorTable.reserve() }
        let diagnostics = Diagnostics()
        let newPipeline = try RuleLoading.load(rules, diagnostics: diagnostics, mailbox: mailbox)
        let oldPipeline = try compare.map { try RuleLoading.load($0, diagnostics: diagnostics, mailbox: mailbox) }
        let shardSpec = try shard.map { try ShardSpec($0) }
        let header = ReportHeader(
            rules: .init(path: rules, identity: RuleSetIdentity.of(rules)),
            compare: compare.map { .init(path: $0, identity: RuleSetIdentity.of($0)) },
            mailbox: mailbox, sources: sources, shard: shardSpec)
        let store = try openStore(diagnostics: diagnostics)
        let work = MessageReprocessing(
            new: newPipeline, newCatalog: RuleCatalog(pipeline: newPipeline),
            old: oldPipeline, oldCatalog: oldPipeline.map(RuleCatalog.init(pipeline:)), mailbox: mailbox,
            identities: store == nil ? nil : ReprocessIdentities(sources: sources))

        let censuses = SourceCensus.takeAll(sources, detailed: checkpoint != nil)
        let start = try resumeState(
            header: header, fingerprint: censuses.fingerprint, work: work, store: store, diagnostics: diagnostics)
        let meter = ProgressMeter(
            style: ProgressMeter.style(quiet: quiet, everyEntry: TestHooks.progressEveryEntry),
            totalEntries: censuses.entries(in: shardSpec), totalBytes: censuses.totalBytes,
            entries: start.summary.messages + start.summary.unreadable, bytes: start.bytesDone)
        let run = ReprocessRun(
            header: header, summary: start.summary, spool: start.spool, store: store, meter: meter, checkpointPath: checkpoint,
            sourcesFingerprint: censuses.fingerprint, sourceBytes: censuses.bytes, start: start.position, bytesDone: start.bytesDone)

        var failure: ReprocessRunError?
        ReprocessWalk(sources: sources, reading: work.reading, jobs: jobs, shard: shardSpec).run(
            from: start.position,
            makeWork: {
                // Each worker its own rules: no reference count written by two threads.
                let work = jobs > 1 ? work.isolatedCopy() : work
                return { (ordinal: EntryOrdinal, entry: MailboxEntry) -> ReprocessedMessage in work(ordinal, entry) }
            },
            deliver: { step, position in
                // Results already in flight when the run stopped are not counted.
                guard failure == nil else { return }
                do throws(ReprocessRunError) { try run.deliver(step, at: position) } catch { failure = error }
            },
            isStopped: { failure != nil })
        if failure == nil {
            do throws(ReprocessRunError) { try run.finish() } catch { failure = error }
        }
        if let failure {
            diagnostics.error("\(failure)")
            throw ExitCode(2)
        }
        do {
            try ReportOutput(format: format, jsonPath: json, htmlPath: html).write(header: header, summary: run.summary, records: run.spool)
        } catch {
            diagnostics.error("\(error)")
            throw ExitCode(2)
        }
        if let checkpoint {
            // The run is complete: the next run with this checkpoint starts afresh.
            unlink(checkpoint)
            unlink(checkpoint + ".records")
        }
        if run.summary.messages == 0 && run.summary.unreadable > 0 { throw ExitCode(1) }
    }

    /// The queue store and ledger of `--apply`; nil for a dry run. The
    /// ledger is named after the rules by their absolute path, so that a run
    /// from another directory finds what this one stored.
    private func openStore(diagnostics: Diagnostics) throws -> ReprocessStore? {
        guard apply, let queues else { return nil }
        let rulesIdentity = RuleSetIdentity.of(CanonicalPath.of(rules) ?? rules)
        do {
            return try ReprocessStore(root: queues, rulesIdentity: rulesIdentity, mailbox: mailbox)
        } catch {
            diagnostics.error("\(error)")
            throw ExitCode(2)
        }
    }

    /// Where the run starts: the checkpoint's state when there is one of this job, else the beginning.
    private func resumeState(
        header: ReportHeader, fingerprint: String, work: MessageReprocessing, store: ReprocessStore?, diagnostics: Diagnostics
    ) throws -> (summary: ReprocessSummary, spool: RecordSpool, position: WalkPosition, bytesDone: Int) {
        var fresh = ReprocessSummary(new: work.newCatalog, old: work.oldCatalog)
        fresh.store = store?.emptyTally
        guard let checkpoint else { return (fresh, try RecordSpool.temporary(), WalkPosition(), 0) }
        do {
            guard let saved = try Checkpoint.read(checkpoint) else {
                return (fresh, try RecordSpool.open(checkpoint + ".records", length: 0), WalkPosition(), 0)
            }
            try saved.check(against: header, sourcesFingerprint: fingerprint, queues: store?.root, path: checkpoint)
            let spool = try RecordSpool.open(checkpoint + ".records", length: saved.recordsLength)
            if !quiet {
                diagnostics.note("resuming from \(checkpoint): \(saved.summary.messages + saved.summary.unreadable) entries already done")
            }
            return (saved.summary, spool, saved.position, saved.bytesDone)
        } catch {
            diagnostics.error("\(error)")
            throw ExitCode(2)
        }
    }
}
