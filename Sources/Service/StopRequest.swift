/// The service's "stop" flag, shared by every mailbox thread.
///
/// Set by SIGTERM or SIGINT (see ``TerminationSignals``) or by `--once`
/// finishing. Threads check it between messages, so the message in hand is
/// finished and stored before the thread exits, and they wait on it between
/// cycles, so a stop never waits out a cycle time.
public final class StopRequest: @unchecked Sendable {
    // @unchecked: `requested` is only touched with `condition` locked.
    private let condition = ThreadMutex()
    private var requested = false

    /// A flag that is not set.
    public init() {}

    /// Whether a stop was asked for.
    public var isRequested: Bool {
        condition.lock()
        defer { condition.unlock() }
        return requested
    }

    /// Asks every thread to stop, and wakes those that are waiting.
    public func request() {
        condition.lock()
        requested = true
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for `duration`, or less if a stop is asked for.
    ///
    /// - Returns: true when the whole duration passed without a stop request.
    public func wait(for duration: Duration) -> Bool {
        let deadline = ThreadMutex.deadline(after: duration)
        condition.lock()
        defer { condition.unlock() }
        while !requested {
            if !condition.wait(until: deadline) { return !requested }
        }
        return false
    }
}
