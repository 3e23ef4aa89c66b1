import Glibc

/// An exclusive `flock` on a file, held until the owner lets go: one writer
/// per ledger across processes. The kernel drops the lock when the process
/// dies, so a crash never leaves a ledger locked.
final class LockFile: Sendable {
    private let descriptor: Int32

    /// Takes the lock on `path` (created if missing) without waiting.
    ///
    /// - Returns: nil when another holder has it.
    static func acquire(_ path: String) throws(StoreError) -> LockFile? {
        let descriptor = try FileSystem.open(.path(path), O_RDWR | O_CREAT)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            if errno == EINTR { continue }
            let code = errno
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
