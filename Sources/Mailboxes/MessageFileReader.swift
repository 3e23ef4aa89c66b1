/// Reads a file that holds one message, and yields it once.
///
/// The bytes are the file's, except that a leading mbox `From ` line is moved
/// to ``MailboxEntry/envelopeSender``. An empty file, or one that fails to
/// read, is yielded as a problem instead.
public final class MessageFileReader: MailboxReader {
    private let path: String
    private let expectedSize: Int
    private let limit: Int
    /// Dropped (and so closed) once the message has been read.
    private var descriptor: FileDescriptor?

    /// Opens the message file at `path`, following a symbolic link there.
    /// A pipe (`<(zcat message.eml.gz)`) is read too. A file larger than
    /// `maximumMessageSize` bytes is reported, not read.
    ///
    /// - Throws: ``MailboxError`` if the path does not exist, cannot be read,
    ///   or is a directory or socket.
    public convenience init(
        path: String, maximumMessageSize: Int = Mailbox.defaultMaximumMessageSize
    ) throws(MailboxError) {
        let (descriptor, status) = try MailboxPath.openStream(path, as: .messageFile)
        self.init(descriptor: descriptor, status: status, path: path, maximumMessageSize: maximumMessageSize)
    }

    init(descriptor: FileDescriptor, status: FileStatus, path: String, maximumMessageSize: Int) {
        self.path = path
        limit = maximumMessageSize
        self.descriptor = descriptor
        // A pipe's size says nothing about what will come through it.
        expectedSize = status.kind == .regular ? status.size : 0
    }

    /// The message (or the problem with it) the first time, then nil.
    public func next() -> MailboxItem? {
        guard let descriptor else { return nil }
        self.descriptor = nil
        let position = SourcePosition(mailbox: path, index: 1, location: .file(path))
        switch MessageFile.readAll(descriptor, expectedSize: expectedSize, limit: limit) {
        case .success(let bytes): return SingleMessage.item(bytes, at: position)
        case .failure(let reason): return .problem(MailboxProblem(position: position, reason: reason))
        }
    }
}
