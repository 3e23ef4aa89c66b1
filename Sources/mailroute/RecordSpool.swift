import Glibc

/// The records of a report (changed messages, bad entries) written to a file
/// as they come, in entry order, and read back once the summary is known:
/// memory stays flat however many messages change.
///
/// A run without a checkpoint spools to an unlinked temporary file; with
/// one, to `CHECKPOINT.records`, which a checkpoint records the length of,
/// so that a resumed run drops what was written after it.
final class RecordSpool {
    let path: String
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var written: Int

    /// Everything appended so far, written or buffered.
    var length: Int { written + buffer.count }

    private init(descriptor: Int32, path: String, length: Int) {
        self.descriptor = descriptor
        self.path = path
        written = length
    }

    /// A spool in a temporary file that disappears with the process.
    static func temporary() throws(FileError) -> RecordSpool {
        let directory = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array((directory + "/mailroute-records-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        let path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard descriptor >= 0 else { throw FileError(path: path, action: "create", code: errno) }
        unlink(path)
        return RecordSpool(descriptor: descriptor, path: path, length: 0)
    }

    /// The spool at `path`, cut to `length` bytes (0 starts afresh).
    /// - Throws: ``FileError`` when it cannot be opened, or holds fewer than `length` bytes.
    static func open(_ path: String, length: Int) throws(FileError) -> RecordSpool {
        let descriptor = Glibc.open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileError(path: path, action: "open", code: errno) }
        // Shorter than the checkpoint says: records were lost, and resuming would drop them silently.
        var status = stat()
        guard fstat(descriptor, &status) == 0, Int(status.st_size) >= length else {
            close(descriptor)
            throw FileError(path: path, action: "resume: \(length) bytes of records expected in", code: ENODATA)
        }
        guard ftruncate(descriptor, off_t(length)) == 0 else {
            let code = errno
            close(descriptor)
            throw FileError(path: path, action: "truncate", code: code)
        }
        return RecordSpool(descriptor: descriptor, path: path, length: length)
    }

    func append(_ bytes: [UInt8]) {
        buffer += bytes
        if buffer.count >= 1 << 16 { try? flush() }
    }

    /// Writes the buffer at the end of what is written.
    func flush() throws(FileError) {
        var offset = 0
        while offset < buffer.count {
            let count = buffer[offset...].withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, off_t(written)) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileError(path: path, action: "write", code: errno)
            }
            offset += count
            written += count
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and makes the records durable, before a checkpoint names their length.
    func sync() throws(FileError) {
        try flush()
        guard fsync(descriptor) == 0 else { throw FileError(path: path, action: "fsync", code: errno) }
    }

    /// The lines written, from the start.
    func lines() throws(FileError) -> LineReader {
        try flush()
        return LineReader(descriptor: descriptor, path: path, start: 0, end: written)
    }

    deinit {
        try? flush()
        close(descriptor)
    }
}
