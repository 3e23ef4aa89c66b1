import Glibc

/// A ledger's append-only journal file: each ``append(_:)`` is one record,
/// durable (`fdatasync`) before it returns. This is the commit point of a
/// batch: a record that reached the disk whole is committed, any other is not.
final class Journal {
    let path: String
    private var descriptor: Int32
    /// The bytes of whole records (plus the header) in the file.
    private(set) var length: Int

    /// Opens the journal at `path`, creating it when missing, hands each of
    /// its records to `apply`, oldest first, and returns how many there were.
    /// A torn last record is cut off, durably, before anything is appended.
    ///
    /// - Throws: ``StoreError/corruptJournal(path:offset:reason:)`` when damage
    ///   is followed by whole records, and system errors.
    static func open(_ path: String, apply: ([JournalEntry]) -> Void) throws(StoreError) -> (Journal, records: Int) {
        if !FileSystem.exists(.path(path)) {
            // A `.new` left by a crash while creating or compacting is never the journal.
            let fresh = FileLocation.path(path + ".new")
            try FileSystem.remove(fresh)
            try FileSystem.create(fresh, containing: JournalFormat.header)
            try FileSystem.syncData(of: fresh)
            try FileSystem.rename(fresh, to: .path(path))
            try FileSystem.syncDirectory(.path(FileSystem.parent(of: path)))
        }
        let descriptor = try FileSystem.open(.path(path), O_RDWR | O_APPEND)
        let journal = Journal(path: path, descriptor: descriptor, length: 0)
        let bytes = try FileSystem.read(descriptor, path: path)
        switch JournalFormat.parse(bytes, apply: apply) {
        case .failure(let damage):
            throw .corruptJournal(path: path, offset: damage.offset, reason: damage.reason)
        case .success(let contents):
            journal.length = contents.validLength
            if contents.validLength < bytes.count { try journal.truncate() }
            return (journal, contents.records)
        }
    }

    private init(path: String, descriptor: Int32, length: Int) {
        self.path = path
        self.descriptor = descriptor
        self.length = length
    }

    deinit { _ = close(descriptor) }

    /// Appends one record and waits until it is on the disk. On failure the
    /// file is cut back to its last whole record, so later appends stay readable.
    func append(_ entries: [JournalEntry]) throws(StoreError) {
        let record = JournalFormat.record(entries)
        do {
            try FileSystem.write(record, to: descriptor, path: path)
            try FileSystem.syncData(descriptor, path: path)
        } catch {
            try truncate()
            throw error
        }
        length += record.count
    }

    /// Replaces the whole journal with one record holding `entries`
    /// (compaction): written beside it, made durable, renamed over it.
    func replace(with entries: [JournalEntry]) throws(StoreError) {
        let bytes = JournalFormat.header + JournalFormat.record(entries)
        let fresh = FileLocation.path(path + ".new")
        try FileSystem.remove(fresh)
        try FileSystem.create(fresh, containing: bytes)
        try FileSystem.syncData(of: fresh)
        let replacement = try FileSystem.open(fresh, O_RDWR | O_APPEND)
        do {
            try FileSystem.rename(fresh, to: .path(path))
        } catch {
            _ = close(replacement)
            throw error
        }
        _ = close(descriptor)
        descriptor = replacement
        length = bytes.count
        try FileSystem.syncDirectory(.path(FileSystem.parent(of: path)))
    }

    /// Cuts the file back to `length` and makes that durable.
    private func truncate() throws(StoreError) {
        while ftruncate(descriptor, off_t(length)) != 0 {
            if errno != EINTR { throw .lastSystemError("ftruncate", path) }
        }
        try FileSystem.syncData(descriptor, path: path)
    }
}
