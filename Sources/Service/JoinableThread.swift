#if canImport(Glibc)
import Glibc
#endif

/// A plain POSIX thread that runs one closure and is joined: after
/// ``join()`` returns, the closure has returned and everything it held
/// (a ledger and its lock, for the storing thread) is released; a ledger
/// still held would refuse the next cycle. The command's worker threads are
/// these too: long CPU work that must stay off the Swift concurrency pool.
public final class JoinableThread {
    private var thread = pthread_t()
    private var joined = false

    /// Starts `body` on a new thread with a stack of `stackSize` bytes (8 MiB
    /// by default, whatever the process's stack limit says: parsing nests).
    ///
    /// - Throws: ``SystemThreadError`` when the system has no thread to give
    ///   (`pthread_create` failed); `body` then never runs.
    public static func start(
        stackSize: Int = 8 << 20, _ body: @escaping @Sendable () -> Void
    ) throws(SystemThreadError) -> JoinableThread {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, stackSize)
        let started = JoinableThread()
        let box = Unmanaged.passRetained(Body(body)).toOpaque()
        let code = pthread_create(&started.thread, &attributes, { context in
            // Released before the thread ends, so a join sees it gone.
            Unmanaged<Body>.fromOpaque(context!).takeRetainedValue().run()
            return nil
        }, box)
        guard code == 0 else {
            Unmanaged<Body>.fromOpaque(box).release()
            started.joined = true
            throw SystemThreadError(code: code)
        }
        return started
    }

    /// Waits until the closure has returned; later calls return at once.
    public func join() {
        guard !joined else { return }
        joined = true
        pthread_join(thread, nil)
    }

    /// Lets the thread run on unjoined, for a thread that lives as long as the
    /// process (the signal thread): its resources are freed when it ends.
    public func detach() {
        guard !joined else { return }
        joined = true
        pthread_detach(thread)
    }

    deinit {
        // Never leave a thread unjoined (its resources would stay allocated).
        join()
    }

    private final class Body {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }
}

/// `pthread_create` failed: the process or system is out of threads or memory.
public struct SystemThreadError: Error, Sendable, CustomStringConvertible {
    /// The error number `pthread_create` returned.
    public let code: Int32

    /// `pthread_create` and the error text.
    public var description: String {
        "pthread_create failed: \(String(cString: strerror(code)))"
    }
}
