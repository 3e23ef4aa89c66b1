/// Opening the path of a mailbox that is read as a stream of bytes: an mbox
/// or a single message file.
enum StreamOpening {
    /// Opens `path`, following a symbolic link there, for reading as `format`.
    ///
    /// Regular files, FIFOs and character devices are accepted (so
    /// `<(zcat inbox.mbox.gz)` works); reads on the result block.
    static func open(_ path: String, as format: MailboxFormat) throws(MailboxError) -> (FileDescriptor, FileStatus) {
        switch FileStatus.of(RawPath(path)) {
        case .success(let status): return (try open(path, status: status, as: format), status)
        case .failure(let error): throw MailboxError(path: path, error)
        }
    }

    /// Opens `path`, whose status has just been looked up, for reading as `format`.
    static func open(
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
