import Glibc
import Synchronization

/// Runs a blocking sync call (`fdatasync` of a file, `fsync` of a directory)
/// over many items, from a few dedicated threads at once when syncing waits.
///
/// A file system commits its journal for every waiting caller together, so
/// eight syncs in flight cost about what one does: this is what makes a
/// batch's group commit cheap on a disk. Where a sync returns at once
/// (nothing left to write back, or a file system in memory) threads would
/// only add their own cost, so the calling thread goes on alone until a sync
/// takes long. The threads are plain POSIX threads started for the call and
/// joined before it returns, never the concurrency pool.
enum ParallelSync {
    /// The most threads one call uses.
    static let maximumThreads = 8
    /// A sync that takes longer than this waited on the device: the rest is shared out.
    static let waitingSync = Duration.microseconds(100)

    /// Calls `sync` with every index from 0 to `count - 1`; throws the first
    /// error after all threads finished.
    static func run(_ count: Int, _ sync: @escaping @Sendable (Int) throws(StoreError) -> Void) throws(StoreError) {
        let work = Work(count: count, sync: sync)
        let clock = ContinuousClock()
        while work.failure.withLock({ $0 == nil }) {
            let started = clock.now
            guard work.syncNext() else { break }
            if clock.now - started > waitingSync {
                try runInThreads(work)
                return
            }
        }
        if let failure = work.failure.withLock({ $0 }) { throw failure }
    }

    /// Drains the rest of `work` from the calling thread and up to seven helpers.
    private static func runInThreads(_ work: Work) throws(StoreError) {
        let helpers = min(maximumThreads, work.count) - 1
        var threads: [pthread_t] = []
        for _ in 0..<max(0, helpers) {
            var thread = pthread_t()
            let context = Unmanaged.passRetained(work).toOpaque()
            let started = pthread_create(&thread, nil, { context in
                Unmanaged<Work>.fromOpaque(context!).takeRetainedValue().drain()
                return nil
            }, context)
            if started == 0 {
                threads.append(thread)
            } else {
                // No thread to be had: the calling thread does the work alone.
                Unmanaged<Work>.fromOpaque(context).release()
            }
        }
        work.drain()
        for thread in threads { pthread_join(thread, nil) }
        if let failure = work.failure.withLock({ $0 }) { throw failure }
    }

    /// The items and the next one to take, shared by the threads.
    private final class Work: Sendable {
        let count: Int
        let sync: @Sendable (Int) throws(StoreError) -> Void
        let next = Atomic<Int>(0)
        let failure = Mutex<StoreError?>(nil)

        init(count: Int, sync: @escaping @Sendable (Int) throws(StoreError) -> Void) {
            self.count = count
            self.sync = sync
        }

        /// Takes items until none are left, or one failed.
        func drain() {
            while failure.withLock({ $0 == nil }) {
                guard syncNext() else { return }
            }
        }

        /// Syncs the next item; false when none was left. A failure is recorded.
        func syncNext() -> Bool {
            let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
            guard index < count else { return false }
            do throws(StoreError) {
                try sync(index)
            } catch {
                failure.withLock { if $0 == nil { $0 = error } }
            }
            return true
        }
    }
}
