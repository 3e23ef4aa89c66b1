import Glibc

/// Reads a whole file into memory, refusing files above a size limit.
enum SourceFile {
    /// The bytes of the file at `path`.
    ///
    /// Reads at most `limit + 1` bytes, so a file that grows while being read,
    /// or a device with no end, is still refused as too large.
    static func read(_ path: String, limit: Int) throws(XMLError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(file: path, reason: systemError()) }
        defer { close(descriptor) }
        var status = stat()
        if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            throw .unreadable(file: path, reason: "it is a directory")
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while bytes.count <= limit {
            let wanted = min(chunk.count, limit + 1 - bytes.count)
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, wanted) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(file: path, reason: systemError())
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        if bytes.count > limit {
            let size = Int(status.st_size) > limit ? Int(status.st_size) : bytes.count
            throw .tooLarge(file: path, byteCount: size, limit: limit)
        }
        return bytes
    }

    private static func systemError() -> String {
        String(cString: strerror(errno))
    }
}
