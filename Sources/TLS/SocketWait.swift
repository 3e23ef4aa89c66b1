#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Waits until a socket can be read or written, for at most a given time.
///
/// Public because the plain-socket code of the Network module waits the same
/// way as TLS sessions do; it touches no OpenSSL state.
public enum SocketWait {
    /// What to wait for.
    public enum Readiness: Sendable {
        case readable, writable
    }

    /// Whether the socket became ready before `deadline`; a hang-up or error
    /// on the socket counts as ready, so the next call reports it.
    public static func wait(_ socket: Int32, for readiness: Readiness, until deadline: ContinuousClock.Instant) -> Bool {
        let events = Int16(readiness == .readable ? POLLIN : POLLOUT)
        while true {
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else { return false }
            let (seconds, attoseconds) = remaining.components
            let milliseconds = min(Int64(Int32.max), seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1)
            var descriptor = pollfd(fd: socket, events: events, revents: 0)
            let result = poll(&descriptor, 1, Int32(milliseconds))
            if result > 0 { return true }
            if result < 0 && errno != EINTR { return true }
        }
    }
}
