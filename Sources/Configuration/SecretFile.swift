import Glibc

/// Reads a small file that holds a secret, refusing large ones.
enum SecretFile {
    /// The bytes of the file at `path`, at most `limit` of them.
    static func read(_ path: String, limit: Int, mailbox: String) throws(PasswordError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadableFile(mailbox: mailbox, path: path, reason: systemError()) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        // Reads one byte past the limit, so that a file that is too large is
        // told apart from one of exactly the limit.
        while bytes.count <= limit {
            let wanted = min(chunk.count, limit + 1 - bytes.count)
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, wanted) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadableFile(mailbox: mailbox, path: path, reason: systemError())
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        guard bytes.count <= limit else { throw .fileTooLarge(mailbox: mailbox, path: path, limit: limit) }
        return bytes
    }

    private static func systemError() -> String {
        String(cString: strerror(errno))
    }
}
