import Glibc

/// Replaces a file so that a crash at any moment leaves either the old
/// content or the new, never a mix: write a temporary file beside it, fsync
/// it, rename it over the old one, fsync the directory.
enum DurableFile {
    static func replace(_ path: String, with bytes: [UInt8]) -> Result<Void, FileError> {
        let temporary = path + ".tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return .failure(FileError(path: temporary, action: "create", code: errno)) }
        if case .failure(let error) = writeAll(descriptor, bytes, path: temporary) {
            close(descriptor)
            return .failure(error)
        }
        if fsync(descriptor) != 0 {
            let code = errno
            close(descriptor)
            return .failure(FileError(path: temporary, action: "fsync", code: code))
        }
        close(descriptor)
        guard rename(temporary, path) == 0 else { return .failure(FileError(path: path, action: "rename \(temporary) to", code: errno)) }
        syncDirectory(of: path)
        return .success(())
    }

    /// Writes every byte, retrying interrupted and partial writes.
    static func writeAll(_ descriptor: Int32, _ bytes: [UInt8], path: String) -> Result<Void, FileError> {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return .failure(FileError(path: path, action: "write", code: errno))
            }
            offset += written
        }
        return .success(())
    }

    /// Makes a rename in the directory of `path` durable.
    static func syncDirectory(of path: String) {
        let directory = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        let descriptor = open(directory.isEmpty ? "/" : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}
