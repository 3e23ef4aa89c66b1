import Glibc

/// Settings read from the environment that let the CLI tests drive what
/// otherwise depends on time or on a crash. Each is off unless set.
enum TestHooks {
    /// `MAILROUTE_TEST_KILL_AFTER=K`: the process kills itself with SIGKILL
    /// after handling K entries, as a crash or `kill -9` would.
    static var killAfter: Int? { number("MAILROUTE_TEST_KILL_AFTER") }

    /// `MAILROUTE_TEST_CHECKPOINT_EVERY=N`: a checkpoint every N entries instead of every few seconds.
    static var checkpointEvery: Int? { number("MAILROUTE_TEST_CHECKPOINT_EVERY") }

    /// `MAILROUTE_TEST_COMMIT_EVERY=N`: `reprocess --apply` commits to the queue store every N messages.
    static var commitEvery: Int? { number("MAILROUTE_TEST_COMMIT_EVERY") }

    /// `MAILROUTE_TEST_PROGRESS_EVERY_ENTRY=1`: a progress line for every entry, whatever the time.
    static var progressEveryEntry: Bool { number("MAILROUTE_TEST_PROGRESS_EVERY_ENTRY") == 1 }

    private static func number(_ name: String) -> Int? {
        guard let value = getenv(name) else { return nil }
        return Int(String(cString: value)).flatMap { $0 > 0 ? $0 : nil }
    }

    /// Ends the process at once, leaving everything as a crash would.
    static func crash() -> Never {
        kill(getpid(), SIGKILL)
        abort()
    }
}
