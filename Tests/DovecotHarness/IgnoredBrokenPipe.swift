#if canImport(Glibc)
import Glibc
#endif

/// Makes a write to a connection the other side already closed fail with
/// EPIPE instead of killing the test process with SIGPIPE. OpenSSL writes to
/// the socket itself, so MSG_NOSIGNAL cannot cover TLS; the signal is ignored
/// process-wide, once. Spawned programs get the default action back.
enum IgnoredBrokenPipe {
    static func ensure() {
        _ = done
    }

    private static let done: Bool = {
        signal(SIGPIPE, SIG_IGN)
        return true
    }()
}
