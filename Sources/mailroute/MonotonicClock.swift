import Glibc

/// Seconds on the monotonic clock, for rates and intervals (never for output that must be deterministic).
enum MonotonicClock {
    static var now: Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
