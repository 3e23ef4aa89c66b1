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
    /// With ``MessageReading/headerSection`` only the header section is read,
    /// through `buffer`; the result then also gives the file's size from `fstat`.
    static func readEntry(
        _ path: RawPath, limit: Int, reading: MessageReading = .whole, buffer: ReadBuffer
    ) -> Result<(bytes: [UInt8], storedSize: Int?), MailboxProblem.Reason> {
        readEntry(FileDescriptor.open(path, followingSymbolicLinks: false), limit: limit, reading: reading, buffer: buffer)
    }

    /// ``readEntry(_:limit:reading:buffer:)`` of a file already opened
    /// without following links (or the failure to open it).
    static func readEntry(
        _ opened: Result<FileDescriptor, SystemError>, limit: Int, reading: MessageReading, buffer: ReadBuffer
    ) -> Result<(bytes: [UInt8], storedSize: Int?), MailboxProblem.Reason> {
        let descriptor: FileDescriptor
        switch opened {
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
            return readHeaderSection(descriptor, expectedSize: status.size, limit: limit, buffer: buffer).map { bytes in
                (bytes, bytes.count < status.size ? status.size : nil)
            }
        }
    }

    /// The first read of a header section: most header sections fit, and a
    /// small read copies little of a large message out of the page cache.
    static let firstHeaderRead = 4096

    /// Reads from `descriptor` up to and including the first empty line (the
    /// end of the header section), or to the end of the file if it has none.
    /// The reads go into `buffer`; only the header section is copied out.
    static func readHeaderSection(
        _ descriptor: FileDescriptor, expectedSize: Int, limit: Int, buffer: ReadBuffer
    ) -> Result<[UInt8], MailboxProblem.Reason> {
        guard expectedSize <= limit else { return .failure(.tooLarge(limit: limit)) }
        defer { buffer.shrink() }
        var filled = 0
        var searchFrom = 0
        var wanted = firstHeaderRead
        while filled <= limit {
            buffer.reserve(filled + wanted, keeping: filled)
            let free = UnsafeMutableRawBufferPointer(rebasing: buffer.storage[filled..<min(filled + wanted, limit + 1)])
            switch descriptor.read(into: free) {
            case .success(0):
                return .success(buffer.copy(filled))
            case .success(let read):
                filled += read
                let bytes = UnsafeRawBufferPointer(rebasing: buffer.storage[..<filled])
                if let end = headerSectionEnd(in: bytes, from: searchFrom) {
                    return .success(buffer.copy(end))
                }
                // A blank line may straddle two reads: look again at the last few bytes.
                searchFrom = max(0, filled - 3)
                wanted = max(buffer.storage.count - filled, firstHeaderRead)
            case .failure(let error):
                return .failure(.unreadable(reason: error.message))
            }
        }
        return .failure(.tooLarge(limit: limit))
    }

    /// The index just after the first empty line (`LF LF` or `LF CR LF`) at or after `start`.
    static func headerSectionEnd(in bytes: UnsafeRawBufferPointer, from start: Int) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var index = start
        while index + 1 < bytes.count {
            // memchr scans many bytes at a time; header lines are short.
            guard let found = memchr(base + index, 0x0A, bytes.count - index - 1) else { return nil }
            index = base.distance(to: UnsafeRawPointer(found))
            if bytes[index + 1] == 0x0A { return index + 2 }
            if bytes[index + 1] == 0x0D, index + 2 < bytes.count, bytes[index + 2] == 0x0A { return index + 3 }
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
