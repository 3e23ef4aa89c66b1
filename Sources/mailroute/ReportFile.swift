import Glibc

/// A report file written whole or not at all: written to `PATH.tmp`, then
/// synced and renamed over PATH, so a reader never sees half a report.
final class ReportFile {
    let path: String
    private let temporary: String
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var failure: FileError?

    /// Creates `PATH.tmp`.
    init(_ path: String) throws(FileError) {
        self.path = path
        temporary = path + ".tmp"
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileError(path: temporary, action: "create", code: errno) }
    }

    func write(_ bytes: [UInt8]) {
        buffer += bytes
        if buffer.count >= 1 << 16 { flush() }
    }

    func write(_ text: String) { write(Array(text.utf8)) }

    private func flush() {
        guard failure == nil else { return buffer.removeAll() }
        if case .failure(let error) = DurableFile.writeAll(descriptor, buffer, path: temporary) { failure = error }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Syncs and renames the file into place.
    /// - Throws: the first error met while writing, syncing or renaming.
    func finish() throws(FileError) {
        flush()
        if failure == nil && fsync(descriptor) != 0 { failure = FileError(path: temporary, action: "fsync", code: errno) }
        close(descriptor)
        if let failure {
            unlink(temporary)
            throw failure
        }
        guard rename(temporary, path) == 0 else { throw FileError(path: path, action: "rename \(temporary) to", code: errno) }
    }
}
