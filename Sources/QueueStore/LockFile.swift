import Glibc

/// An exclusive `flock` on a file, held until the owner lets go: one writer
/// per ledger across processes. The kernel drops the lock when the process
/// dies, so a crash never leaves a ledger locked.
final class LockFile: Sendable {
    private let descriptor: Int32

    /// How long a lock that is taken is tried again before it counts as held.
    ///
    /// A lock belongs to the open file, and a child process started by any
    /// thread of this process shares every open file from its fork until its
    /// `exec` closes them (`O_CLOEXEC`): for those moments a lock just let go
    /// is still held, and taking it again at once would fail.
    static let patience: Duration = .seconds(1)

    /// Takes the lock on `path` (created if missing), trying again for at
    /// most ``patience`` while it is held.
    ///
    /// - Returns: nil when another holder keeps it for longer than ``patience``.
    static func acquire(_ path: String) throws(StoreError) -> LockFile? {
        let descriptor = try FileSystem.open(.path(path), O_RDWR | O_CREAT)
        let deadline = ContinuousClock.now + patience
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            if code == EINTR { continue }
            if code == EWOULDBLOCK, ContinuousClock.now < deadline {
                usleep(2_000)
                continue
            }
            _ = close(descriptor)
            if code == EWOULDBLOCK { return nil }
            throw .system(operation: "flock", path: path, code: code)
        }
        return LockFile(descriptor: descriptor)
    }

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit { _ = close(descriptor) }
}
