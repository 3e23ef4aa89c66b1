#if canImport(Glibc)
import Glibc
#endif

/// Turns SIGTERM and SIGINT into a ``StopRequest``.
///
/// The signals are blocked in every thread and received by one dedicated
/// thread with `sigwait`, so no code runs in a signal handler and no thread
/// is interrupted in the middle of writing a message.
public enum TerminationSignals {
    /// Blocks SIGTERM and SIGINT and starts the thread that waits for them.
    ///
    /// Call it before any other thread starts: threads inherit the signal
    /// mask of the thread that creates them.
    ///
    /// - Throws: ``SystemThreadError`` when the system has no thread to give;
    ///   the signals are unblocked again then, so they still end the process.
    public static func route(to stop: StopRequest) throws(SystemThreadError) {
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGTERM)
        sigaddset(&signals, SIGINT)
        pthread_sigmask(SIG_BLOCK, &signals, nil)
        let blocked = signals
        do {
            // Never joined: it waits for a signal as long as the process lives.
            try JoinableThread.start {
                var set = blocked
                var received: Int32 = 0
                sigwait(&set, &received)
                stop.request()
            }.detach()
        } catch {
            pthread_sigmask(SIG_UNBLOCK, &signals, nil)
            throw error
        }
    }
}
