import Glibc

/// A POSIX mutex with the condition variables that wait on it, for the
/// hand-offs between dedicated threads (the service's mailbox and storing
/// threads, the command's workers). Blocking by design: never for the Swift
/// concurrency pool.
///
/// The pthread objects live at fixed addresses (allocated here, freed in
/// `deinit`), as POSIX requires. Waits may wake spuriously: callers wait in
/// a loop on their own predicate. Timed waits follow the monotonic clock, so
/// a change of the wall clock neither cuts them short nor stretches them.
public final class ThreadMutex: @unchecked Sendable {
    // @unchecked: the pthread objects are made for use from several threads;
    // their addresses never change after init.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let conditions: UnsafeMutablePointer<pthread_cond_t>
    private let conditionCount: Int

    /// A mutex with `conditions` condition variables, numbered from 0.
    public init(conditions: Int = 1) {
        mutex = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
        conditionCount = conditions
        self.conditions = .allocate(capacity: conditions)
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        for index in 0..<conditions { pthread_cond_init(self.conditions + index, &attributes) }
        pthread_condattr_destroy(&attributes)
    }

    deinit {
        for index in 0..<conditionCount { pthread_cond_destroy(conditions + index) }
        pthread_mutex_destroy(mutex)
        conditions.deallocate()
        mutex.deallocate()
    }

    /// Takes the mutex, waiting for it.
    public func lock() { pthread_mutex_lock(mutex) }

    /// Lets the mutex go.
    public func unlock() { pthread_mutex_unlock(mutex) }

    /// Runs `body` with the mutex held.
    public func withLock<Result>(_ body: () throws -> Result) rethrows -> Result {
        lock()
        defer { unlock() }
        return try body()
    }

    /// With the mutex held: releases it until condition `number` is signalled, then takes it again.
    public func wait(_ number: Int = 0) {
        pthread_cond_wait(conditions + number, mutex)
    }

    /// ``wait(_:)``, but at most until `deadline` (made by ``deadline(after:)``).
    ///
    /// - Returns: false when the deadline passed.
    public func wait(_ number: Int = 0, until deadline: timespec) -> Bool {
        var deadline = deadline
        return pthread_cond_timedwait(conditions + number, mutex, &deadline) != ETIMEDOUT
    }

    /// Wakes one thread waiting on condition `number`.
    public func signal(_ number: Int = 0) {
        pthread_cond_signal(conditions + number)
    }

    /// Wakes every thread waiting on condition `number`.
    public func broadcast(_ number: Int = 0) {
        pthread_cond_broadcast(conditions + number)
    }

    /// The point of the monotonic clock `duration` from now, for a timed
    /// ``wait(_:until:)``; a negative duration is now.
    public static func deadline(after duration: Duration) -> timespec {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0, attoseconds >= 0 else { return now }
        // Capped at 68 years, so that no duration overflows into the past.
        let nanoseconds = Int(now.tv_nsec) + Int(attoseconds / 1_000_000_000)
        let whole = Int(min(seconds, Int64(Int32.max))) + nanoseconds / 1_000_000_000
        return timespec(tv_sec: now.tv_sec + whole, tv_nsec: nanoseconds % 1_000_000_000)
    }
}
