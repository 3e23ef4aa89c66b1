import Glibc
import QueueStore

/// Writes messages into a Maildir, crash-safe, with the syncs batched per
/// group of messages rather than paid per message.
///
/// Each message is written under a unique name in `tmp/`, where mail
/// readers do not look. ``commit()`` (called by ``write(_:)`` every
/// `groupSize` messages, and by the caller at the end) makes the group's
/// data durable, renames every file of the group into `new/` and syncs
/// `new/` and `tmp/` once. After a crash each message is whole in `new/`,
/// or only in `tmp/`; never partial in `new/`. At most `groupSize` files
/// are open at a time.
///
/// The data syncs of a group are issued together, after all its files are
/// written (as the queue store does): on a journalling file system the first
/// one commits the metadata of the whole group, and the others find little
/// left to do, where a sync after each write would wait for a commit per message.
final class MaildirWriter {
    /// The Maildir written to.
    let directory: String
    private let groupSize: Int
    private let temporary: Int32
    private let delivered: Int32
    /// `<seconds>.M<microseconds>P<pid>`: with a sequence number and the
    /// host, a name no other delivery uses (the Maildir convention).
    private let stem: String
    private let host: String
    private var sequence = 0
    /// Files written to `tmp/` and not yet committed, still open for the data sync.
    private var pending: [(name: String, descriptor: Int32)] = []

    /// Opens the Maildir at `directory`, creating it (and its parents) and
    /// its `tmp/`, `new/` and `cur/` when missing.
    ///
    /// - Throws: ``DownloadError/maildir(operation:path:code:)`` naming the directory.
    init(directory: String, groupSize: Int = 256) throws(DownloadError) {
        self.directory = directory
        self.groupSize = max(1, groupSize)
        var created = try Self.makeDirectories(directory)
        for part in ["tmp", "new", "cur"] where try Self.makeDirectory(directory + "/" + part) { created = true }
        if created { try Self.sync(directory: directory) }
        temporary = try Self.openDirectory(directory + "/tmp")
        do {
            delivered = try Self.openDirectory(directory + "/new")
        } catch {
            close(temporary)
            throw error
        }
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        stem = "\(now.tv_sec).M\(now.tv_nsec / 1000)P\(getpid())"
        host = QueueStore.maildirHostName()
    }

    deinit {
        discard()
        close(temporary)
        close(delivered)
    }

    /// Writes one message to `tmp/`; commits the group when it is full.
    ///
    /// - Throws: ``DownloadError/maildir(operation:path:code:)``; the message
    ///   is then not in the Maildir (its partial file is removed), and the
    ///   messages before it are as ``commit()`` left them.
    func write(_ bytes: [UInt8]) throws(DownloadError) {
        sequence += 1
        let name = "\(stem)Q\(sequence).\(host),S=\(bytes.count)"
        let descriptor = openat(temporary, name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure("create", "tmp/" + name) }
        var written = 0
        let code: Int32? = bytes.withUnsafeBytes { raw in
            while written < raw.count {
                let count = Glibc.write(descriptor, raw.baseAddress! + written, raw.count - written)
                if count > 0 {
                    written += count
                } else if count < 0 && errno != EINTR {
                    return errno
                }
            }
            return nil
        }
        if let code {
            close(descriptor)
            unlinkat(temporary, name, 0)
            throw .maildir(operation: "write", path: "\(directory)/tmp/\(name)", code: code)
        }
        // Starts writing the pages back now, without waiting, so the sync at
        // the group's end finds little left to do.
        _ = posix_fadvise(descriptor, 0, 0, POSIX_FADV_DONTNEED)
        pending.append((name, descriptor))
        if pending.count >= groupSize { try commit() }
    }

    /// Makes every message written since the last commit durable and visible
    /// in `new/`.
    ///
    /// - Throws: ``DownloadError/maildir(operation:path:code:)``; the files not
    ///   yet renamed are removed from `tmp/` then.
    func commit() throws(DownloadError) {
        guard !pending.isEmpty else { return }
        // When this ends early: whatever is still in tmp/ (a renamed file is not).
        defer { discard() }
        for index in pending.indices {
            let (name, descriptor) = pending[index]
            while fdatasync(descriptor) != 0 {
                guard errno == EINTR else { throw failure("sync", "tmp/" + name) }
            }
            close(descriptor)
            pending[index].descriptor = -1
        }
        for (name, _) in pending {
            guard renameat(temporary, name, delivered, name) == 0 else { throw failure("rename into new/", "tmp/" + name) }
        }
        pending.removeAll(keepingCapacity: true)
        for (descriptor, part) in [(delivered, "new"), (temporary, "tmp")] {
            while fsync(descriptor) != 0 {
                guard errno == EINTR else { throw failure("sync", part) }
            }
        }
    }

    /// Removes the files written since the last commit. Safe to call twice.
    func discard() {
        for (name, descriptor) in pending {
            if descriptor >= 0 { close(descriptor) }
            unlinkat(temporary, name, 0)
        }
        pending.removeAll()
    }

    private func failure(_ operation: String, _ relativePath: String) -> DownloadError {
        .maildir(operation: operation, path: directory + "/" + relativePath, code: errno)
    }

    /// Creates `path` and any missing parents; returns whether `path` was created.
    private static func makeDirectories(_ path: String) throws(DownloadError) -> Bool {
        var info = stat()
        if stat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                throw .maildir(operation: "create the directory", path: path, code: ENOTDIR)
            }
            return false
        }
        if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
            _ = try makeDirectories(String(path[..<slash]))
        }
        return try makeDirectory(path)
    }

    /// Creates the directory `path` unless it exists; returns whether it was created.
    private static func makeDirectory(_ path: String) throws(DownloadError) -> Bool {
        if mkdir(path, 0o700) == 0 { return true }
        var info = stat()
        guard errno == EEXIST, stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw .maildir(operation: "create the directory", path: path, code: errno == EEXIST ? ENOTDIR : errno)
        }
        return false
    }

    private static func openDirectory(_ path: String) throws(DownloadError) -> Int32 {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .maildir(operation: "open", path: path, code: errno) }
        return descriptor
    }

    /// Makes new entries of `directory` and `directory` itself durable.
    private static func sync(directory: String) throws(DownloadError) {
        let parent = directory.lastIndex(of: "/").map { String(directory[..<$0]) } ?? "."
        for path in [directory, parent.isEmpty ? "/" : parent] {
            let descriptor = try openDirectory(path)
            defer { close(descriptor) }
            while fsync(descriptor) != 0 {
                guard errno == EINTR else { throw .maildir(operation: "sync", path: path, code: errno) }
            }
        }
    }
}
