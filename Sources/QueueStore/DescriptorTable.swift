import Glibc

/// The process's table of open file descriptors, grown once, up front.
///
/// Linux grows the table as descriptors are opened (64, 128, 256, 512
/// slots...). In a process with more than one thread each growth waits for
/// an RCU grace period, several milliseconds on a busy machine, and every
/// thread that opens a file meanwhile waits too. The queue store keeps up
/// to ``KeptDescriptors/limit`` staged files open, so a storing process
/// crosses those sizes in its first commits, on every run (`run --once`
/// over IMAP, 5,000 messages: 51 ms of its two threads' time in one run
/// recorded with `perf` on a busy machine). Grown while the process has
/// one thread, the table costs nothing to grow.
public enum DescriptorTable {
    /// The slots ``reserve()`` asks for: the kept staged files, with room for
    /// every mailbox's connection, directories and ledger.
    public static let reserved = 4 * KeptDescriptors.limit

    /// Grows the table to ``reserved`` slots (fewer when the open-files
    /// limit is lower), by opening one descriptor at the top and closing it.
    ///
    /// Call it before the process starts its second thread. It never
    /// fails: when it cannot grow the table, the table grows as usual later.
    public static func reserve() {
        var limit = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return }
        let top = Int32(min(reserved, Int(clamping: limit.rlim_cur)) - 1)
        guard top > 2 else { return }
        let root = open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard root >= 0 else { return }
        // F_DUPFD takes the lowest free slot at or above `top`: never one in use.
        let probe = fcntl(root, F_DUPFD_CLOEXEC, top)
        if probe >= 0 { _ = close(probe) }
        _ = close(root)
    }
}
