import Glibc

/// Reads small whole files (rule files, checkpoints) with plain system calls.
enum FileBytes {
    /// The most a checkpoint or rule file may hold: far above real ones.
    static let limit = 64 << 20

    /// The bytes of `path`, or the system's reason.
    static func read(_ path: String) -> Result<[UInt8], FileError> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(FileError(path: path, action: "open", code: errno)) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(FileError(path: path, action: "read", code: errno))
            }
            if count == 0 { return .success(bytes) }
            bytes += chunk[0..<count]
            if bytes.count > limit { return .failure(FileError(path: path, action: "read", code: EFBIG)) }
        }
    }
}
