/// Opening a mailbox by its path, with its format detected or given.
public enum Mailbox {
    /// The largest message readers take unless told otherwise: 256 MiB, far
    /// above what mail servers accept, low enough that one hostile entry
    /// cannot exhaust memory. Larger messages are reported and skipped.
    public static let defaultMaximumMessageSize = 256 * 1024 * 1024

    /// Opens the mailbox at `path` and returns a reader for it.
    ///
    /// Without `format`, the format is detected (a symbolic link at `path` is followed):
    /// - `-` is standard input (see ``StandardInputReader``);
    /// - a directory with a `cur/` or `new/` subdirectory is a Maildir;
    /// - another directory is a tree of `.eml` files, and must hold at least one;
    /// - a file whose first line starts with `From ` is an mbox; any other file
    ///   is a single message (a pipe is decided on its first bytes the same way).
    ///
    /// With `format`, that format is read without looking at the content:
    /// an mbox or message file from a file, a pipe or `-`; a Maildir or
    /// directory of messages from a directory.
    ///
    /// A message larger than `maximumMessageSize` bytes is reported as a
    /// problem and not held in memory. `reading` says how much of each file
    /// a Maildir or directory reader reads (see ``MessageReading``). The
    /// reader is a new object that may be handed to another thread.
    ///
    /// - Throws: ``MailboxError`` when `path` does not exist, cannot be read,
    ///   is a directory with neither `cur/`, `new/` nor `.eml` files, is a
    ///   socket or device, or cannot hold `format`.
    public static func open(
        _ path: String, as format: MailboxFormat? = nil, maximumMessageSize: Int = defaultMaximumMessageSize,
        reading: MessageReading = .whole
    ) throws(MailboxError) -> sending any MailboxReader {
        let limit = maximumMessageSize
        if path == "-" { return try standardInput(as: format, limit: limit) }
        switch format {
        case .mbox: return try MboxReader(path: path, maximumMessageSize: limit)
        case .messageFile: return try MessageFileReader(path: path, maximumMessageSize: limit)
        case .maildir: return try MaildirReader(path: path, maximumMessageSize: limit, reading: reading)
        case .messageDirectory: return try MessageDirectoryReader(path: path, maximumMessageSize: limit, reading: reading)
        case nil: return try detected(path, limit: limit, reading: reading)
        }
    }

    private static func detected(_ path: String, limit: Int, reading: MessageReading) throws(MailboxError) -> any MailboxReader {
        let status = try MailboxPath.status(path)
        if status.kind == .directory {
            if MailboxPath.hasMaildirSubdirectories(path) {
                return try MaildirReader(path: path, maximumMessageSize: limit, reading: reading)
            }
            let reader = try MessageDirectoryReader(path: path, maximumMessageSize: limit, reading: reading)
            guard !reader.isEmpty else { throw .noMessagesFound(directory: path) }
            return reader
        }
        let descriptor = try MailboxPath.openStream(path, status: status, as: .messageFile)
        guard status.kind == .regular else {
            return StandardInputReader(
                descriptor: descriptor, mailbox: path, framing: .detect, maximumMessageSize: limit)
        }
        var start = [UInt8](repeating: 0, count: EnvelopeLine.probeLength)
        // An error here will come back on the first real read, where it is reported.
        let peeked = (try? start.withUnsafeMutableBytes { descriptor.peek(into: $0) }.get()) ?? 0
        if peeked == start.count && EnvelopeLine.starts(start) {
            return MboxReader(input: BufferedInput(descriptor), mailbox: path, maximumMessageSize: limit)
        }
        return MessageFileReader(descriptor: descriptor, status: status, path: path, maximumMessageSize: limit)
    }

    private static func standardInput(as format: MailboxFormat?, limit: Int) throws(MailboxError) -> any MailboxReader {
        guard let format else { return StandardInputReader(framing: .detect, maximumMessageSize: limit) }
        switch format {
        case .mbox: return StandardInputReader(framing: .mbox, maximumMessageSize: limit)
        case .messageFile: return StandardInputReader(framing: .singleMessage, maximumMessageSize: limit)
        case .maildir, .messageDirectory:
            throw .formatMismatch(path: "-", format: format, kind: "standard input")
        }
    }
}
