/// How long a mailbox waits before its next attempt after failures.
///
/// A mailbox is never disabled by failures: the wait doubles from one cycle
/// time with each failure in a row, up to `ceiling`, and returns to the cycle
/// time after the first success.
public struct RetryBackoff: Sendable, Hashable {
    /// The normal wait between cycles (`cycle-time`).
    public var cycleTime: Duration
    /// The longest wait, however many failures.
    public var ceiling: Duration

    /// A backoff that starts at `cycleTime` and never waits more than
    /// `ceiling` (at least the cycle time).
    public init(cycleTime: Duration, ceiling: Duration = .seconds(600)) {
        self.cycleTime = cycleTime
        self.ceiling = max(ceiling, cycleTime)
    }

    /// The wait after `failures` failed cycles in a row (0: the cycle time).
    public func delay(afterFailures failures: Int) -> Duration {
        var delay = cycleTime
        var remaining = failures
        while remaining > 0 && delay < ceiling {
            delay *= 2
            remaining -= 1
        }
        return min(delay, ceiling)
    }
}
