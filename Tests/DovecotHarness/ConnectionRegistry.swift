import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// What a ``ScriptedServer``'s threads share: the open connections (so that
/// stopping can wake every script blocked on one), how many scripts are
/// running, and what they threw.
///
/// A socket is closed only under the lock that `stop` takes to shut sockets
/// down, so `stop` can never touch a descriptor number already reused.
final class ConnectionRegistry: Sendable {
    private struct State {
        var open: Set<Int32> = []
        var running = 0
        var accepted = 0
        var stopping = false
        var listening = true
        var errors: [String] = []
    }

    private let state = Mutex(State())

    var isStopping: Bool { state.withLock { $0.stopping } }
    var accepted: Int { state.withLock { $0.accepted } }
    var errors: [String] { state.withLock { $0.errors } }

    /// Records a new connection whose script is about to run; false (and the
    /// caller closes it) once the server is stopping.
    func register(_ socket: Int32) -> Bool {
        state.withLock {
            guard !$0.stopping else { return false }
            $0.open.insert(socket)
            $0.running += 1
            $0.accepted += 1
            return true
        }
    }

    /// Closes a registered connection's socket.
    func close(_ socket: Int32) {
        state.withLock {
            $0.open.remove(socket)
            _ = Glibc.close(socket)
        }
    }

    /// A script ended, after throwing `error` if it did.
    func finished(throwing error: (any Error)?) {
        state.withLock {
            $0.running -= 1
            if let error { $0.errors.append("\(error)") }
        }
    }

    /// The accepting thread closed the listening socket.
    func listenerClosed() {
        state.withLock { $0.listening = false }
    }

    /// Stops accepting, shuts down every open connection (so blocked reads
    /// return end-of-file) and waits up to `timeout` for the scripts to end.
    func stop(timeout: Duration) {
        state.withLock {
            $0.stopping = true
            for socket in $0.open { shutdown(socket, Int32(SHUT_RDWR)) }
        }
        _ = wait(until: { !$0.listening && $0.running == 0 }, timeout: timeout)
    }

    /// Whether every script has ended within `timeout`.
    func waitUntilIdle(timeout: Duration) -> Bool {
        wait(until: { $0.running == 0 }, timeout: timeout)
    }

    private func wait(until condition: (State) -> Bool, timeout: Duration) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while !state.withLock({ condition($0) }) {
            guard ContinuousClock.now < deadline else { return false }
            usleep(2_000)
        }
        return true
    }
}
