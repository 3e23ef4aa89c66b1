import Glibc

/// A POSIX mutex with the condition variables that wait on it, for the
/// hand-offs between the threads of ``OrderedWorkers``.
///
/// The pthread objects live at fixed addresses (allocated here, freed in
/// `deinit`), as POSIX requires. Waits may wake spuriously: callers wait in
/// a loop on their own predicate.
final class ThreadMutex: @unchecked Sendable {
    // @unchecked: the pthread objects are made for use from several threads;
    // their addresses never change after init.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let conditions: UnsafeMutablePointer<pthread_cond_t>
    private let conditionCount: Int

    /// A mutex with `conditions` condition variables, numbered from 0.
    init(conditions: Int) {
        mutex = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
        conditionCount = conditions
        self.conditions = .allocate(capacity: conditions)
        for index in 0..<conditions { pthread_cond_init(self.conditions + index, nil) }
    }

    deinit {
        for index in 0..<conditionCount { pthread_cond_destroy(conditions + index) }
        pthread_mutex_destroy(mutex)
        conditions.deallocate()
        mutex.deallocate()
    }

    /// Runs `body` with the mutex held.
    func withLock<Result>(_ body: () throws -> Result) rethrows -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }

    /// Inside `withLock`: releases the mutex until condition `number` is signalled, then takes it again.
    func wait(_ number: Int) {
        pthread_cond_wait(conditions + number, mutex)
    }

    /// Wakes one thread waiting on condition `number`.
    func signal(_ number: Int) {
        pthread_cond_signal(conditions + number)
    }

    /// Wakes every thread waiting on condition `number`.
    func broadcast(_ number: Int) {
        pthread_cond_broadcast(conditions + number)
    }
}
