#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Makes writes to a connection the server already closed fail with EPIPE
/// instead of killing the process with SIGPIPE. OpenSSL writes to the socket
/// itself, so a per-call MSG_NOSIGNAL cannot cover TLS; the signal is ignored
/// process-wide, once, before the first connection.
public enum IgnoredBrokenPipe {
    /// Ignores SIGPIPE from now on; cheap after the first call, safe from any thread.
    public static func ensure() {
        _ = done
    }

    private static let done: Bool = {
        signal(SIGPIPE, SIG_IGN)
        return true
    }()
}
