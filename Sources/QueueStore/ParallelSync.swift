import Glibc
import Synchronization

/// Runs a blocking sync call (`fdatasync` of a file, `fsync` of a directory)
/// over many paths from a few dedicated threads at once.
///
/// A file system commits its journal for every waiting caller together, so
/// eight syncs in flight cost about what one does: this is what makes a
/// batch's group commit cheap. The threads are plain POSIX threads started
/// for the call and joined before it returns, never the concurrency pool.
enum ParallelSync {
    /// The most threads one call uses.
    static let maximumThreads = 8

    /// Calls `sync` on every path; throws the first error after all threads finished.
    static func run(_ paths: [String], _ sync: @escaping @Sendable (String) throws(StoreError) -> Void) throws(StoreError) {
        let work = Work(paths: paths, sync: sync)
        let helpers = min(maximumThreads, paths.count) - 1
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

    /// The paths and the next one to take, shared by the threads.
    private final class Work: Sendable {
        let paths: [String]
        let sync: @Sendable (String) throws(StoreError) -> Void
        let next = Atomic<Int>(0)
        let failure = Mutex<StoreError?>(nil)

        init(paths: [String], sync: @escaping @Sendable (String) throws(StoreError) -> Void) {
            self.paths = paths
            self.sync = sync
        }

        /// Takes paths until none are left, or one failed.
        func drain() {
            while failure.withLock({ $0 == nil }) {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < paths.count else { return }
                do throws(StoreError) {
                    try sync(paths[index])
                } catch {
                    failure.withLock { if $0 == nil { $0 = error } }
                }
            }
        }
    }
}
