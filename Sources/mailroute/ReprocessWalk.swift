import Mailboxes
import Reports

/// Reads the sources of a reprocessing run one after the other, keeps the
/// entries of its shard, skips what a checkpoint says is done, and runs the
/// per-message work on worker threads (``OrderedWorkers``: at most a window
/// of entries, and of bytes read, in flight, so memory stays flat). Results
/// come back in entry order, each with the position reached after it.
///
/// When only header sections are read (a dry run of header-only rules), the
/// files of a directory source are read on the workers: the calling thread
/// lists them and hands out names, so that it keeps up with the workers and
/// each message is made and released on one thread.
struct ReprocessWalk {
    /// What the walk hands back, in entry order.
    enum Step<Output: Sendable>: Sendable {
        /// A message and the work's result; `size` is its stored size, `offset` its byte offset in an mbox.
        case message(EntryOrdinal, Output, size: Int, offset: Int?)
        /// An entry that could not be read, or a source that could not be opened.
        case problem(EntryOrdinal, position: String, reason: String)
        /// A source is done; the position now points at the next one.
        case sourceDone(Int)
    }

    let sources: [String]
    let reading: MessageReading
    let jobs: Int
    let shard: ShardSpec?

    /// An entry of the shard on its way to a worker: read already, or listed for the worker to read.
    private struct Work: Sendable {
        let ordinal: EntryOrdinal
        let listed: ListedItem
    }

    /// Walks from `start` to the end, or until `isStopped` says so.
    /// - Parameters:
    ///   - makeWork: called once on each worker thread; what it returns runs
    ///     there for each message of the shard, so it may keep state of its own.
    ///   - deliver: runs on the calling thread with each step and the position reached after it.
    ///   - isStopped: asked on the calling thread before each entry is read; once
    ///     true, no more is read (results in flight are still delivered).
    func run<Output: Sendable>(
        from start: WalkPosition, makeWork: @escaping @Sendable () -> (EntryOrdinal, MailboxEntry) -> Output,
        deliver: (Step<Output>, WalkPosition) -> Void, isStopped: () -> Bool = { false }
    ) {
        var position = start
        while position.source < sources.count && !isStopped() {
            let source = position.source
            var reader: any MailboxReader
            do {
                reader = try Mailbox.open(sources[source], reading: reading)
            } catch {
                let global = position.global
                position = WalkPosition(source: source + 1, item: 0, global: global + 1)
                if shard?.contains(global: global) ?? true {
                    deliver(.problem(EntryOrdinal(source: source, item: 0), position: sources[source], reason: "\(error)"), position)
                }
                continue
            }
            var cursor = WalkPosition(source: source, item: 0, global: position.global - position.item)
            let listsOnly = reading == .headerSection
            OrderedWorkers<Work, Step<Output>>(jobs: jobs).run(
                next: {
                    while !isStopped(), let listed = reader.next(listingOnly: listsOnly) {
                        cursor.item += 1
                        cursor.global += 1
                        // Entries before the checkpoint are done; entries of other shards are not ours.
                        if cursor.item <= start.item && source == start.source { continue }
                        guard shard?.contains(global: cursor.global - 1) ?? true else { continue }
                        return Work(ordinal: EntryOrdinal(source: source, item: cursor.item), listed: listed)
                    }
                    return nil
                },
                weight: \.listed.heldBytes,
                makeWork: {
                    let work = makeWork()
                    let buffer = ReadBuffer()
                    return { item in Self.step(item.ordinal, item.listed.read(using: buffer), work) }
                },
                deliver: { step in
                    if case .message(let ordinal, _, _, _) = step { position = Self.after(ordinal, in: position) }
                    if case .problem(let ordinal, _, _) = step { position = Self.after(ordinal, in: position) }
                    deliver(step, position)
                })
            position = WalkPosition(source: source + 1, item: 0, global: cursor.global)
            deliver(.sourceDone(source), position)
        }
    }

    /// The step for the entry `ordinal`, read as `item`: the work's result, or the problem.
    private static func step<Output: Sendable>(
        _ ordinal: EntryOrdinal, _ item: MailboxItem, _ work: (EntryOrdinal, MailboxEntry) -> Output
    ) -> Step<Output> {
        switch item {
        case .message(let entry):
            var offset: Int?
            if case .mbox(_, let byteOffset) = entry.position.location { offset = byteOffset }
            return .message(ordinal, work(ordinal, entry), size: entry.size, offset: offset)
        case .problem(let problem):
            return .problem(ordinal, position: problem.position.description, reason: "\(problem.reason)")
        }
    }

    /// The position just after the entry `ordinal` of the current source.
    private static func after(_ ordinal: EntryOrdinal, in position: WalkPosition) -> WalkPosition {
        WalkPosition(source: ordinal.source, item: ordinal.item, global: position.global - position.item + ordinal.item)
    }
}
