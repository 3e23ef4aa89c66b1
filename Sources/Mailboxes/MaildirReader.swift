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
        var names: [(name: [CChar], subdirectory: Int)] = []
        var foundSubdirectory = false
        for (number, subdirectory) in Self.subdirectories.enumerated() {
            switch DirectoryListing.read(root.appending(subdirectory)) {
            case .success(let listing):
                foundSubdirectory = true
                for entry in listing.entries where !entry.isHidden {
                    names.append((entry.name, number))
                }
            case .failure(let error) where error.code == ENOENT:
                continue
            case .failure(let error):
                foundSubdirectory = true
                problems.append(ListedFiles.unlistable(root.appending(subdirectory), mailbox: path, error))
            }
        }
        guard foundSubdirectory else {
            throw .formatMismatch(path: path, format: .maildir, kind: "a directory without cur/ or new/")
        }
        let directories = Self.subdirectories.map { root.appending($0) }
        // Names were listed cur/ first, so equal names keep cur/ before new/.
        let steps = ByteOrder.sortedIndices(names.map(\.name)).map { index in
            let (name, subdirectory) = names[index]
            return ListedFiles.Step.file(directories[subdirectory].appending(name), maildirFlags: Self.flags(inName: name))
        }
        files = ListedFiles(mailbox: path, steps: problems + steps, limit: maximumMessageSize, reading: reading)
    }

    /// The next message or problem, or nil once every file has been read.
    public func next() -> MailboxItem? {
        files.next()
    }

    /// The flags after the last `:2,` of a Maildir name (`"FRS"`), or nil.
    static func flags(inName name: [CChar]) -> String? {
        guard let colon = name.lastIndex(of: CChar(UInt8(ascii: ":"))) else { return nil }
        let info = name[(colon + 1)...].map { UInt8(bitPattern: $0) }
        guard info.starts(with: Array("2,".utf8)) else { return nil }
        return String(decoding: info.dropFirst(2), as: UTF8.self)
    }
}
