import Glibc

/// Reads a Maildir: the message files in its `cur/` and `new/` subdirectories.
///
/// - Order: the files of `cur/` and `new/` together, sorted by file name
///   (bytes, as `LC_ALL=C sort`); Maildir names start with the delivery time,
///   so this is roughly delivery order whether or not a message has been seen.
///   A name in both directories comes from `cur/` first.
/// - `tmp/` (deliveries in progress) is not read, nor are names starting with
///   `.`. Maildir++ folders (`.Sent/`, `.Archive/`) are not read either: give
///   the folder's own path (`Maildir/.Sent`) to read one.
/// - Flags come from the `:2,` suffix of each name, into
///   ``MailboxEntry/maildirFlags``.
/// - A name that is not a regular file (a directory, a symbolic link, which
///   is not followed), a file that cannot be read, an empty file, or a
///   subdirectory that cannot be listed is reported as a problem, and the
///   reading goes on.
public final class MaildirReader: MailboxReader {
    static let subdirectories: [[CChar]] = [Array("cur".utf8CString.dropLast()), Array("new".utf8CString.dropLast())]

    private var files: ListedFiles

    /// Lists the Maildir at `path` (a symbolic link there is followed). The
    /// files are read one by one as the reader is iterated; one larger than
    /// `maximumMessageSize` bytes is reported, not read.
    ///
    /// - Throws: ``MailboxError`` if the path does not exist, cannot be read,
    ///   is not a directory, or has neither `cur/` nor `new/`.
    public init(
        path: String, maximumMessageSize: Int = Mailbox.defaultMaximumMessageSize, reading: MessageReading = .whole
    ) throws(MailboxError) {
        try MailboxPath.checkDirectory(path, as: .maildir)
        let root = RawPath(path)
        var problems: [ListedFiles.Step] = []
        var names = ListedFiles.Names()
        var directories: [Int] = []  // for each name, its directory in `names`
        var foundSubdirectory = false
        for subdirectory in Self.subdirectories {
            let directory = root.appending(subdirectory)
            let number = names.directories.count
            let listed = DirectoryListing.visit(directory) { name, _ in
                guard name.first != UInt8(ascii: ".") else { return }
                names.arena.append(name)
                directories.append(number)
            }
            switch listed {
            case .success:
                foundSubdirectory = true
                // Files are opened by name in the open directory; by path if it cannot be opened.
                names.directories.append((directory, try? FileDescriptor.openDirectory(directory).get()))
            case .failure(let error) where error.code == ENOENT:
                continue
            case .failure(let error):
                foundSubdirectory = true
                problems.append(ListedFiles.unlistable(directory, mailbox: path, error))
            }
        }
        guard foundSubdirectory else {
            throw .formatMismatch(path: path, format: .maildir, kind: "a directory without cur/ or new/")
        }
        // Names were listed cur/ first, so equal names keep cur/ before new/.
        let order = names.arena.withNames { ByteOrder.sortedIndices(count: names.arena.count, name: $0) }
        let steps = order.map { ListedFiles.Step.named(directory: directories[$0], name: $0) }
        files = ListedFiles(
            mailbox: path, steps: problems + steps, names: names, limit: maximumMessageSize, reading: reading)
    }

    /// The next message or problem, or nil once every file has been read.
    public func next() -> MailboxItem? {
        files.next()
    }

    /// The next file, listed but not read (or the next listing problem), or nil at the end.
    public func nextListed() -> ListedItem? {
        files.nextListed()
    }

    /// The flags after the last `:2,` of a Maildir name (`"FRS"`), or nil.
    static func flags(inName name: UnsafeRawBufferPointer) -> String? {
        guard let colon = name.lastIndex(of: UInt8(ascii: ":")) else { return nil }
        let info = name[(colon + 1)...]
        guard info.starts(with: "2,".utf8) else { return nil }
        return String(decoding: info.dropFirst(2), as: UTF8.self)
    }
}
