import Foundation

/// Counts threads down to zero, so the main thread can wait for all of them.
final class Countdown: @unchecked Sendable {
    // @unchecked: `remaining` is only touched with `condition` locked.
    private let condition = NSCondition()
    private var remaining: Int

    init(_ count: Int) {
        remaining = count
    }

    /// One thread is done.
    func finishOne() {
        condition.lock()
        remaining -= 1
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until every thread is done.
    func waitForAll() {
        condition.lock()
        while remaining > 0 { condition.wait() }
        condition.unlock()
    }
}
