/// The mailbox threads of a running service: started one by one, possibly
/// while others already run, and waited for together.
///
/// The threads are joined, not just waited for: a thread that used OpenSSL
/// or libxml2 tears down their per-thread state as it ends, and a process
/// that exits meanwhile frees the same state in its exit handlers
/// (`OPENSSL_cleanup`, libxml2's destructor), which corrupts the heap.
final class PollerThreads: @unchecked Sendable {
    // @unchecked: `pollers`, `threads` and `running` are only touched with `condition` locked.
    private let condition = ThreadMutex()
    private var pollers: [MailboxPoller] = []
    private var threads: [JoinableThread] = []
    private var running = 0

    /// Whether a thread polls the mailbox `name`.
    func isPolling(_ name: String) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        return pollers.contains { $0.name == name }
    }

    /// Runs `poller` on a thread of its own; one cycle with `once`.
    ///
    /// - Throws: ``SystemThreadError`` when the system has no thread to give;
    ///   the mailbox is not polled then.
    func start(_ poller: MailboxPoller, once: Bool) throws(SystemThreadError) {
        condition.lock()
        pollers.append(poller)
        running += 1
        condition.unlock()
        let thread: JoinableThread
        do {
            thread = try JoinableThread.start { [self] in
                poller.run(once: once)
                condition.lock()
                running -= 1
                condition.broadcast()
                condition.unlock()
            }
        } catch {
            condition.lock()
            pollers.removeAll { $0 === poller }
            running -= 1
            condition.unlock()
            throw error
        }
        condition.lock()
        threads.append(thread)
        condition.unlock()
    }

    /// Waits until every thread started has ended; returns the counts of all
    /// their cycles and the mailboxes whose last cycle failed.
    func waitForAll() -> (report: CycleReport, failedMailboxes: [String]) {
        condition.lock()
        while running > 0 { condition.wait() }
        let done = pollers
        let ending = threads
        condition.unlock()
        for thread in ending { thread.join() }
        var total = CycleReport()
        for poller in done { total.add(poller.total) }
        return (total, done.filter(\.lastCycleFailed).map(\.name))
    }
}
