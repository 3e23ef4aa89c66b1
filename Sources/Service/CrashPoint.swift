#if canImport(Glibc)
import Glibc
#endif

/// The crash tests' way to kill `mailroute run` at the worst moment: with
/// `MAILROUTE_TEST_KILL_AFTER_COMMIT=1` in its environment, the process
/// kills itself with SIGKILL right after its first group commit, before it
/// removes anything from the server. Never set it in production.
enum CrashPoint {
    private static let killsAfterCommit: Bool = getenv("MAILROUTE_TEST_KILL_AFTER_COMMIT").map {
        String(cString: $0) == "1"
    } ?? false

    /// Called after each group commit.
    static func groupCommitted() {
        if killsAfterCommit { kill(getpid(), SIGKILL) }
    }
}
