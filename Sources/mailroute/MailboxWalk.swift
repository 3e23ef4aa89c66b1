import Mailboxes

/// Reads mailboxes one after the other and runs per-message work on worker
/// threads, the way every command that reads mail does: a mailbox that cannot
/// be opened or an entry that cannot be read is reported and the reading goes
/// on; results arrive in mailbox order, whatever the number of threads. When
/// only header sections are read, the files of a directory are read on the
/// workers (the calling thread lists them).
enum MailboxWalk {
    private enum Step<Output: Sendable>: Sendable {
        case message(Output)
        case problem(String)
    }

    /// - Parameters:
    ///   - paths: mailboxes in the order given; `-` is standard input.
    ///   - reading: how much of each file directory readers read.
    ///   - jobs: worker threads for `work`.
    ///   - work: runs on a worker thread for each message.
    ///   - deliver: runs on the calling thread with each result, in mailbox order.
    ///   - problem: runs on the calling thread with what could not be read:
    ///     `opening` is true for a whole mailbox, false for one entry.
    static func run<Output: Sendable>(
        _ paths: [String], reading: MessageReading = .whole, jobs: Int,
        work: @escaping @Sendable (MailboxEntry) -> Output,
        deliver: (Output) -> Void,
        problem: (_ text: String, _ opening: Bool) -> Void
    ) {
        run(paths, reading: reading, jobs: jobs, makeWork: { work }, deliver: deliver, problem: problem)
    }

    /// Like ``run(_:reading:jobs:work:deliver:problem:)``, with work that
    /// keeps state of its own: each worker thread calls `makeWork` once, on
    /// itself, and runs what it returns for its messages (a private copy of
    /// the rules, say, so that threads share nothing while they work).
    static func run<Output: Sendable>(
        _ paths: [String], reading: MessageReading = .whole, jobs: Int,
        makeWork: @escaping @Sendable () -> (MailboxEntry) -> Output,
        deliver: (Output) -> Void,
        problem: (_ text: String, _ opening: Bool) -> Void
    ) {
        // Header sections are small: directory readers only list here, and
        // each worker reads the files it is given. Whole messages are read
        // here, so that their bytes count in the window of work in flight.
        let listsOnly = reading == .headerSection
        for path in paths {
            var reader: any MailboxReader
            do {
                reader = try Mailbox.open(path, reading: reading)
            } catch {
                problem("\(error)", true)
                continue
            }
            OrderedWorkers<ListedItem, Step<Output>>(jobs: jobs).run(
                next: { reader.next(listingOnly: listsOnly) },
                weight: \.heldBytes,
                makeWork: {
                    let work = makeWork()
                    let buffer = ReadBuffer()
                    return { listed in
                        switch listed.read(using: buffer) {
                        case .message(let entry): return .message(work(entry))
                        case .problem(let found): return .problem("\(found)")
                        }
                    }
                },
                deliver: { step in
                    switch step {
                    case .message(let output): deliver(output)
                    case .problem(let text): problem(text, false)
                    }
                })
        }
    }
}
