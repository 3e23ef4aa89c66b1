import Glibc

/// An open file descriptor, closed when its owner lets go of it.
///
/// A descriptor handed in by a caller (standard input, a test's pipe) is
/// borrowed and left open; one this module opened is owned and closed.
final class FileDescriptor: Sendable {
    let rawValue: Int32
    private let isOwned: Bool

    init(owning rawValue: Int32) {
        self.rawValue = rawValue
        isOwned = true
    }

    init(borrowing rawValue: Int32) {
        self.rawValue = rawValue
        isOwned = false
    }

    deinit {
        // Linux releases the descriptor even when close reports EINTR, so no retry.
        if isOwned { _ = close(rawValue) }
    }

    /// Opens `path` for reading.
    ///
    /// `O_NONBLOCK` keeps the open from hanging on a FIFO nobody writes to; it
    /// changes nothing for regular files. Callers that want the other kinds
    /// refuse them after `status()`, or clear the flag with `makeBlocking()`.
    static func open(_ path: RawPath, followingSymbolicLinks: Bool) -> Result<FileDescriptor, SystemError> {
        var flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK
        if !followingSymbolicLinks { flags |= O_NOFOLLOW }
        while true {
            let descriptor = Glibc.open(path.cString, flags)
            if descriptor >= 0 { return .success(FileDescriptor(owning: descriptor)) }
            if errno != EINTR { return .failure(.current) }
        }
    }

    /// Opens `name` inside the open directory `directory` for reading, as
    /// ``open(_:followingSymbolicLinks:)`` opens a path; the kernel then looks
    /// up one name instead of walking the whole path.
    static func open(
        _ name: UnsafePointer<CChar>, in directory: FileDescriptor, followingSymbolicLinks: Bool
    ) -> Result<FileDescriptor, SystemError> {
        var flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK
        if !followingSymbolicLinks { flags |= O_NOFOLLOW }
        while true {
            let descriptor = openat(directory.rawValue, name, flags)
            if descriptor >= 0 { return .success(FileDescriptor(owning: descriptor)) }
            if errno != EINTR { return .failure(.current) }
        }
    }

    /// Opens the directory at `path` to open files inside it by name.
    static func openDirectory(_ path: RawPath) -> Result<FileDescriptor, SystemError> {
        while true {
            let descriptor = Glibc.open(path.cString, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if descriptor >= 0 { return .success(FileDescriptor(owning: descriptor)) }
            if errno != EINTR { return .failure(.current) }
        }
    }

    /// Reads once into `buffer`, retrying when a signal interrupts the call.
    /// Returns the number of bytes read; 0 means the end of the input.
    func read(into buffer: UnsafeMutableRawBufferPointer) -> Result<Int, SystemError> {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return .success(0) }
        while true {
            let count = Glibc.read(rawValue, base, buffer.count)
            if count >= 0 { return .success(count) }
            if errno != EINTR { return .failure(.current) }
        }
    }

    /// Reads up to `buffer.count` bytes from the start of the file without
    /// moving the file offset, for a look at the first line.
    func peek(into buffer: UnsafeMutableRawBufferPointer) -> Result<Int, SystemError> {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return .success(0) }
        var total = 0
        while total < buffer.count {
            let count = pread(rawValue, base + total, buffer.count - total, off_t(total))
            if count == 0 { break }
            if count > 0 { total += count } else if errno != EINTR { return .failure(.current) }
        }
        return .success(total)
    }

    /// The kind and size of the open file.
    func status() -> Result<FileStatus, SystemError> {
        var info = stat()
        guard fstat(rawValue, &info) == 0 else { return .failure(.current) }
        return .success(FileStatus(info))
    }

    /// Clears `O_NONBLOCK`, so reads from a pipe wait for the writer.
    func makeBlocking() {
        let flags = fcntl(rawValue, F_GETFL)
        if flags >= 0 { _ = fcntl(rawValue, F_SETFL, flags & ~O_NONBLOCK) }
    }
}
