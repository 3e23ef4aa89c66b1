import Glibc

/// The system calls the store makes on files, each retried on `EINTR` and
/// turned into a ``StoreError`` that names the path.
///
/// Names reach the system through `withCString`: passing a `String` where C
/// wants a `char *` copies it into a new array each time, and the store makes
/// several such calls for every message it stores.
enum FileSystem {
    /// Opens `file` with `flags` (`O_CLOEXEC` added) and returns the descriptor.
    static func open(_ file: FileLocation, _ flags: Int32, mode: mode_t = 0o600) throws(StoreError) -> Int32 {
        while true {
            let descriptor = file.name.withCString { openat(file.directory, $0, flags | O_CLOEXEC, mode) }
            if descriptor >= 0 { return descriptor }
            if errno != EINTR { throw .lastSystemError("open", file.path) }
        }
    }

    /// Creates `path` (which must not exist), writes `bytes` to it and starts
    /// writing it back to the disk without waiting, so that the later
    /// ``syncData(of:)`` of a whole batch finds little left to do.
    static func create(_ file: FileLocation, containing bytes: [UInt8]) throws(StoreError) {
        _ = close(try createOpen(file, containing: bytes))
    }

    /// ``create(_:containing:)``, returning the descriptor (write-only),
    /// which the caller must close.
    static func createOpen(_ file: FileLocation, containing bytes: [UInt8]) throws(StoreError) -> Int32 {
        let descriptor = try open(file, O_WRONLY | O_CREAT | O_EXCL)
        do {
            try write(bytes, to: descriptor, path: file.path)
        } catch {
            _ = close(descriptor)
            throw error
        }
        // On Linux, DONTNEED starts writeback of the dirty pages without waiting
        // (sync_file_range is not visible to Swift without a C shim).
        _ = posix_fadvise(descriptor, 0, 0, POSIX_FADV_DONTNEED)
        return descriptor
    }

    /// Writes all of `bytes` at the descriptor's offset, resuming short writes.
    static func write(_ bytes: [UInt8], to descriptor: Int32, path: @autoclosure () -> String) throws(StoreError) {
        var written = 0
        let failure: Int32? = bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let count = Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count > 0 {
                    written += count
                } else if count == 0 {
                    return EIO  // a file that takes no bytes: never loop on it
                } else if errno != EINTR {
                    return errno
                }
            }
            return nil
        }
        if let failure { throw .system(operation: "write", path: path(), code: failure) }
    }

    /// Makes the content of `file` durable (`fdatasync`).
    static func syncData(of file: FileLocation) throws(StoreError) {
        let descriptor = try open(file, O_RDONLY)
        defer { _ = close(descriptor) }
        try syncData(descriptor, path: file.path)
    }

    /// `fdatasync` on an open descriptor.
    static func syncData(_ descriptor: Int32, path: @autoclosure () -> String) throws(StoreError) {
        while fdatasync(descriptor) != 0 {
            if errno != EINTR { throw .lastSystemError("fdatasync", path()) }
        }
    }

    /// Makes the entries of `directory` durable (`fsync` of the directory).
    static func syncDirectory(_ directory: FileLocation) throws(StoreError) {
        let descriptor = try open(directory, O_RDONLY | O_DIRECTORY)
        defer { _ = close(descriptor) }
        while fsync(descriptor) != 0 {
            if errno != EINTR { throw .lastSystemError("fsync", directory.path) }
        }
    }

    /// Makes the entries of a directory kept open durable (`fsync` of the directory).
    static func syncDirectory(_ directory: DirectoryHandle) throws(StoreError) {
        while fsync(directory.descriptor) != 0 {
            if errno != EINTR { throw .lastSystemError("fsync", directory.path) }
        }
    }

    /// Renames `source` to `destination` (same file system), replacing nothing
    /// the store would not replace: callers pick names that are unique.
    static func rename(_ source: FileLocation, to destination: FileLocation) throws(StoreError) {
        let renamed = source.name.withCString { from in
            destination.name.withCString { renameat(source.directory, from, destination.directory, $0) }
        }
        guard renamed == 0 else {
            throw .lastSystemError("rename to \(destination.path) of", source.path)
        }
    }

    /// Gives `source` the further name `destination` (a hard link).
    static func link(_ source: FileLocation, to destination: FileLocation) throws(StoreError) {
        let linked = source.name.withCString { from in
            destination.name.withCString { linkat(source.directory, from, destination.directory, $0, 0) }
        }
        guard linked == 0 else {
            throw .lastSystemError("link to \(destination.path) of", source.path)
        }
    }

    /// Removes `file`; a file already gone is not an error.
    static func remove(_ file: FileLocation) throws(StoreError) {
        let unlinked = file.name.withCString { unlinkat(file.directory, $0, 0) }
        guard unlinked == 0 || errno == ENOENT else { throw .lastSystemError("unlink", file.path) }
    }

    /// Whether `file` exists (symbolic links not followed).
    static func exists(_ file: FileLocation) -> Bool {
        var info = stat()
        return file.name.withCString { fstatat(file.directory, $0, &info, AT_SYMLINK_NOFOLLOW) } == 0
    }

    /// The whole content of `file`.
    static func read(_ file: FileLocation) throws(StoreError) -> [UInt8] {
        let descriptor = try open(file, O_RDONLY)
        defer { _ = close(descriptor) }
        return try read(descriptor, path: file.path)
    }

    /// The content of an open file from its current offset to its end.
    static func read(_ descriptor: Int32, path: String) throws(StoreError) -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress!, $0.count) }
            if count > 0 {
                bytes += buffer[..<count]
            } else if count == 0 {
                return bytes
            } else if errno != EINTR {
                throw .lastSystemError("read", path)
            }
        }
    }
}
