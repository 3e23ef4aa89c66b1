/// Reads a directory tree of `.eml` files, one message per file.
///
/// - Order: sorted by path below the directory (bytes, as `LC_ALL=C sort`),
///   so the same tree always gives the same sequence.
/// - Read: files whose name ends in `.eml` (in any case), in the directory and
///   all its subdirectories. Other files are ignored, as are names starting
///   with `.` (`.git/`, `.DS_Store`). Symbolic links inside the tree are not
///   followed, neither to directories nor to files.
/// - A `.eml` name that is not a regular file, a file that cannot be read,
///   an empty file, or a subdirectory that cannot be listed is reported as a
///   problem, and the reading goes on.
/// - A file starting with an mbox `From ` line has it moved to
///   ``MailboxEntry/envelopeSender``.
public final class MessageDirectoryReader: MailboxReader {
    private var files: ListedFiles

    /// Lists the tree at `path` (a symbolic link there is followed). The files
    /// are read one by one as the reader is iterated; one larger than
    /// `maximumMessageSize` bytes is reported, not read.
    ///
    /// - Throws: ``MailboxError`` if the path does not exist, cannot be
    ///   listed, or is not a directory.
    public init(
        path: String, maximumMessageSize: Int = Mailbox.defaultMaximumMessageSize, reading: MessageReading = .whole
    ) throws(MailboxError) {
        try MailboxPath.checkDirectory(path, as: .messageDirectory)
        let root = RawPath(path)
        var found: [(sortKey: RawPath, step: ListedFiles.Step)] = []
        // Relative paths of directories still to list; a stack, not recursion,
        // so that a deep tree cannot exhaust the call stack.
        var pending: [RawPath] = [RawPath("")]
        while let relative = pending.popLast() {
            let directory = relative.isEmpty ? root : root.appending(relative.name)
            let listing: DirectoryListing
            switch DirectoryListing.read(directory) {
            case .success(let listed): listing = listed
            case .failure(let error) where relative.isEmpty: throw MailboxError(path: path, error)
            case .failure(let error):
                found.append((relative, ListedFiles.unlistable(directory, mailbox: path, error)))
                continue
            }
            for entry in listing.entries where !entry.isHidden {
                let child = relative.isEmpty ? RawPath(name: entry.name) : relative.appending(entry.name)
                if entry.kind == .directory {
                    pending.append(child)
                } else if Self.isMessageFileName(entry.name) {
                    found.append((child, .file(root.appending(child.name), maildirFlags: nil)))
                }
            }
        }
        found.sort { $0.sortKey < $1.sortKey }
        files = ListedFiles(mailbox: path, steps: found.map(\.step), limit: maximumMessageSize, reading: reading)
    }

    /// Whether the listing found nothing to report: no `.eml` file, no problem.
    var isEmpty: Bool { files.isEmpty }

    /// The next message or problem, or nil once every file has been read.
    public func next() -> MailboxItem? {
        files.next()
    }

    /// The next file, listed but not read (or the next listing problem), or nil at the end.
    public func nextListed() -> ListedItem? {
        files.nextListed()
    }

    private static let suffix = Array(".eml".utf8)

    private static func isMessageFileName(_ name: [CChar]) -> Bool {
        guard name.count > suffix.count else { return false }
        return zip(name.suffix(suffix.count), suffix).allSatisfy { byte, wanted in
            let byte = UInt8(bitPattern: byte)
            return byte == wanted || (wanted >= UInt8(ascii: "a") && byte == wanted - 0x20)
        }
    }
}
