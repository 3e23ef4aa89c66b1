import Glibc

/// A plain POSIX thread that runs one closure, for CPU work that must stay
/// off the Swift concurrency pool; ``join()`` waits for it to finish.
final class WorkerThread {
    private var thread: pthread_t

    /// The closure on its way to the new thread.
    private final class Start {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    /// Starts `body` on a new thread with a stack of `stackSize` bytes.
    ///
    /// - Returns: nil when the system refuses a thread (`pthread_create` fails);
    ///   the caller then does the work itself.
    init?(stackSize: Int = 8 << 20, _ body: @escaping @Sendable () -> Void) {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, stackSize)
        let start = Unmanaged.passRetained(Start(body)).toOpaque()
        var thread = pthread_t()
        let status = pthread_create(&thread, &attributes, { argument in
            guard let argument else { return nil }
            Unmanaged<Start>.fromOpaque(argument).takeRetainedValue().body()
            return nil
        }, start)
        guard status == 0 else {
            Unmanaged<Start>.fromOpaque(start).release()
            return nil
        }
        self.thread = thread
    }

    /// Waits until the thread's closure has returned.
    func join() {
        pthread_join(thread, nil)
    }
}
