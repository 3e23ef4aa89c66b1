import Glibc

/// Reading a whole message file into memory: one `fstat` for the size, then
/// a single `read` of that size in the common case.
enum MessageFile {
    /// Opens a file found inside a mailbox directory and reads all of it.
    ///
    /// Only regular files are read: a symbolic link is not followed (the open
    /// uses `O_NOFOLLOW`, so a mailbox cannot lead mailroute outside itself),
    /// and directories, FIFOs and devices are refused after the open, so that
    /// no race between a check and the open can slip one in.
    ///
    /// With ``MessageReading/headerSection`` only the header section is read;
    /// the result then also gives the file's size from `fstat`.
    static func readEntry(
        _ path: RawPath, limit: Int, reading: MessageReading = .whole
    ) -> Result<(bytes: [UInt8], storedSize: Int?), MailboxProblem.Reason> {
        let descriptor: FileDescriptor
        switch FileDescriptor.open(path, followingSymbolicLinks: false) {
        case .success(let opened): descriptor = opened
        case .failure(let error) where error.code == ELOOP:
            return .failure(.notARegularFile(kind: FileStatus.Kind.symbolicLink.description))
        case .failure(let error): return .failure(.unreadable(reason: error.message))
        }
        let status: FileStatus
        switch descriptor.status() {
        case .success(let found): status = found
        case .failure(let error): return .failure(.unreadable(reason: error.message))
        }
        guard status.kind == .regular else { return .failure(.notARegularFile(kind: status.kind.description)) }
        switch reading {
        case .whole:
            return readAll(descriptor, expectedSize: status.size, limit: limit).map { ($0, nil) }
        case .headerSection:
            return readHeaderSection(descriptor, expectedSize: status.size, limit: limit).map { bytes in
                (bytes, bytes.count < status.size ? status.size : nil)
            }
        }
    }

    /// Reads from `descriptor` up to and including the first empty line (the
    /// end of the header section), or to the end of the file if it has none.
    static func readHeaderSection(
        _ descriptor: FileDescriptor, expectedSize: Int, limit: Int
    ) -> Result<[UInt8], MailboxProblem.Reason> {
        guard expectedSize <= limit else { return .failure(.tooLarge(limit: limit)) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        var searchFrom = 0
        while bytes.count <= limit {
            switch chunk.withUnsafeMutableBytes({ descriptor.read(into: $0) }) {
            case .success(0):
                return .success(bytes)
            case .success(let read):
                bytes.append(contentsOf: chunk[..<read])
                if let end = headerSectionEnd(in: bytes, from: searchFrom) {
                    bytes.removeSubrange(end...)
                    return .success(bytes)
                }
                // A blank line may straddle two reads: look again at the last few bytes.
                searchFrom = max(0, bytes.count - 3)
            case .failure(let error):
                return .failure(.unreadable(reason: error.message))
            }
        }
        return .failure(.tooLarge(limit: limit))
    }

    /// The index just after the first empty line (`LF LF` or `LF CR LF`) at or after `start`.
    static func headerSectionEnd(in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + 1 < bytes.count {
            if bytes[index] == 0x0A {
                if bytes[index + 1] == 0x0A { return index + 2 }
                if bytes[index + 1] == 0x0D, index + 2 < bytes.count, bytes[index + 2] == 0x0A { return index + 3 }
            }
            index += 1
        }
        return nil
    }

    /// Reads from `descriptor` until the end of the input, or fails once
    /// more than `limit` bytes have come.
    ///
    /// `expectedSize` (from `fstat`) sizes the first read, so a file over the
    /// limit (a sparse file claiming a terabyte, say) is refused before any
    /// memory is taken for it. A file that grew since, or a pipe, whose size
    /// is unknown, is read on in further chunks.
    static func readAll(
        _ descriptor: FileDescriptor, expectedSize: Int, limit: Int
    ) -> Result<[UInt8], MailboxProblem.Reason> {
        guard expectedSize <= limit else { return .failure(.tooLarge(limit: limit)) }
        var failure: SystemError?
        // One byte more than expected, so that a file of exactly the expected size
        // is known to be complete when the next read returns 0.
        let capacity = max(expectedSize, 0) + 1
        var bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            count = 0
            while count < buffer.count {
                let free = UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[count...]))
                switch descriptor.read(into: free) {
                case .success(0): return
                case .success(let read): count += read
                case .failure(let error): failure = error; return
                }
            }
        }
        if let failure { return .failure(.unreadable(reason: failure.message)) }
        guard bytes.count == capacity else { return .success(bytes) }
        // The file grew after fstat, or is a pipe: read on until it ends.
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while bytes.count <= limit {
            switch chunk.withUnsafeMutableBytes({ descriptor.read(into: $0) }) {
            case .success(0): return .success(bytes)
            case .success(let read): bytes.append(contentsOf: chunk[..<read])
            case .failure(let error): return .failure(.unreadable(reason: error.message))
            }
        }
        return .failure(.tooLarge(limit: limit))
    }
}
