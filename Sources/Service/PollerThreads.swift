import Foundation

/// The mailbox threads of a running service: started one by one, possibly
/// while others already run, and waited for together.
final class PollerThreads: @unchecked Sendable {
    // @unchecked: `pollers` and `running` are only touched with `condition` locked.
    private let condition = NSCondition()
    private var pollers: [MailboxPoller] = []
    private var running = 0

    /// Whether a thread polls the mailbox `name`.
    func isPolling(_ name: String) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        return pollers.contains { $0.name == name }
    }

    /// Runs `poller` on a thread of its own, named after its mailbox; one cycle with `once`.
    func start(_ poller: MailboxPoller, once: Bool) {
        condition.lock()
        pollers.append(poller)
        running += 1
        condition.unlock()
        let thread = Thread { [self] in
            poller.run(once: once)
            condition.lock()
            running -= 1
            condition.broadcast()
            condition.unlock()
        }
        thread.name = "mailroute-\(poller.name)"
        thread.start()
    }

    /// Waits until every thread started is done; returns the counts of all
    /// their cycles and the mailboxes whose last cycle failed.
    func waitForAll() -> (report: CycleReport, failedMailboxes: [String]) {
        condition.lock()
        while running > 0 { condition.wait() }
        let done = pollers
        condition.unlock()
        var total = CycleReport()
        for poller in done { total.add(poller.total) }
        return (total, done.filter(\.lastCycleFailed).map(\.name))
    }
}
