/// Examining and opening the path given as a mailbox, where every failure is
/// a ``MailboxError`` naming that path. A symbolic link at the path is followed.
enum MailboxPath {
    /// What `path` leads to.
    static func status(_ path: String) throws(MailboxError) -> FileStatus {
        switch FileStatus.of(RawPath(path)) {
        case .success(let status): return status
        case .failure(let error): throw MailboxError(path: path, error)
        }
    }

    /// Makes sure `path` leads to a directory, which `format` needs.
    static func checkDirectory(_ path: String, as format: MailboxFormat) throws(MailboxError) {
        let status = try status(path)
        guard status.kind == .directory else {
            throw .formatMismatch(path: path, format: format, kind: status.kind.description)
        }
    }

    /// Whether the directory `path` has a `cur/` or `new/` subdirectory, which
    /// is what makes it a Maildir.
    static func hasMaildirSubdirectories(_ path: String) -> Bool {
        let root = RawPath(path)
        return MaildirReader.subdirectories.contains { name in
            (try? FileStatus.of(root.appending(name)).get().kind) == .directory
        }
    }

    /// Opens `path` to be read as a stream of bytes in `format` (an mbox or a
    /// single message). Regular files, FIFOs and character devices are
    /// accepted, so `<(zcat inbox.mbox.gz)` works; reads on the result block.
    static func openStream(
        _ path: String, as format: MailboxFormat
    ) throws(MailboxError) -> (FileDescriptor, FileStatus) {
        let status = try status(path)
        return (try openStream(path, status: status, as: format), status)
    }

    /// Opens `path`, whose status has just been looked up, as ``openStream(_:as:)`` does.
    static func openStream(
        _ path: String, status: FileStatus, as format: MailboxFormat
    ) throws(MailboxError) -> FileDescriptor {
        switch status.kind {
        case .regular, .fifo, .characterDevice: break
        case .directory: throw .formatMismatch(path: path, format: format, kind: status.kind.description)
        case .symbolicLink, .other: throw .unsupportedFileKind(path: path, kind: status.kind.description)
        }
        switch FileDescriptor.open(RawPath(path), followingSymbolicLinks: true) {
        case .success(let descriptor):
            descriptor.makeBlocking()
            return descriptor
        case .failure(let error): throw MailboxError(path: path, error)
        }
    }
}
