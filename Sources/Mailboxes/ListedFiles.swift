/// The files a directory reader found, in reading order, read one at a time.
///
/// Directory readers list and sort everything up front (sorting needs the
/// whole list; names are small), then read each file only when asked, so one
/// message is in memory at a time.
struct ListedFiles {
    /// One step of the reading: a file to read, or a problem found while listing.
    enum Step {
        /// A file at its own path.
        case file(RawPath, maildirFlags: String?)
        /// Name `name` of the ``Names`` inside its directory `directory`; the
        /// name's Maildir flags, if any, are read from it.
        case named(directory: Int, name: Int)
        case problem(MailboxProblem)
    }

    /// Names listed in directories, read by ``Step/named(directory:name:)``:
    /// the directories' paths, descriptors to open their files by name
    /// (nil when a directory could not be opened: its files are opened by
    /// path), and the names themselves.
    struct Names {
        var directories: [(path: RawPath, descriptor: FileDescriptor?)] = []
        var arena = NameArena()
    }

    private let listing: Listing
    private var cursor = 0
    private var fileCount = 0
    private let buffer = ReadBuffer()

    init(mailbox: String, steps: [Step], names: Names = Names(), limit: Int, reading: MessageReading = .whole) {
        listing = Listing(mailbox: mailbox, steps: steps, names: names, limit: limit, reading: reading)
    }

    /// Whether the listing found nothing at all, not even a problem.
    var isEmpty: Bool { listing.steps.isEmpty }

    /// Reads the next file (or reports the next listing problem).
    mutating func next() -> MailboxItem? {
        nextListed()?.read(using: buffer)
    }

    /// The next file, not read yet (or the next listing problem).
    mutating func nextListed() -> ListedItem? {
        guard cursor < listing.steps.count else { return nil }
        defer { cursor += 1 }
        if case .problem(let problem) = listing.steps[cursor] { return .item(.problem(problem)) }
        fileCount += 1
        return .unread(ListedEntry(listing: listing, step: cursor, fileNumber: fileCount))
    }

    /// What a listing found, fixed once made: shared by the reader and the
    /// entries it hands out, which may be read on other threads.
    final class Listing: Sendable {
        let mailbox: String
        let limit: Int
        let reading: MessageReading
        let steps: [Step]
        let names: Names

        init(mailbox: String, steps: [Step], names: Names, limit: Int, reading: MessageReading) {
            self.mailbox = mailbox
            self.limit = limit
            self.reading = reading
            self.steps = steps
            self.names = names
        }

        /// Reads the file of step `step`, the `fileNumber`th file of the mailbox.
        func read(step: Int, fileNumber: Int, buffer: ReadBuffer) -> MailboxItem {
            switch steps[step] {
            case .problem(let problem):
                return .problem(problem)
            case .file(let path, let flags):
                return read(display: path.display, fileNumber: fileNumber, flags: flags, buffer: buffer) {
                    FileDescriptor.open(path, followingSymbolicLinks: false)
                }
            case .named(let directory, let index):
                let (path, descriptor) = names.directories[directory]
                return names.arena.withName(index) { name, cName in
                    let display = ListedFiles.display(path, name)
                    return read(display: display, fileNumber: fileNumber, flags: MaildirReader.flags(inName: name), buffer: buffer) {
                        guard let descriptor else {
                            return FileDescriptor.open(
                                path.appending(Array(name.assumingMemoryBound(to: CChar.self))), followingSymbolicLinks: false)
                        }
                        return FileDescriptor.open(cName, in: descriptor, followingSymbolicLinks: false)
                    }
                }
            }
        }

        private func read(
            display: String, fileNumber: Int, flags: String?, buffer: ReadBuffer,
            opening open: () -> Result<FileDescriptor, SystemError>
        ) -> MailboxItem {
            let position = SourcePosition(mailbox: mailbox, index: fileNumber, location: .file(display))
            switch MessageFile.readEntry(open(), limit: limit, reading: reading, buffer: buffer) {
            case .success(let read):
                return SingleMessage.item(
                    read.bytes, at: position, maildirFlags: flags,
                    storedSize: read.storedSize, isHeaderSectionOnly: read.storedSize != nil)
            case .failure(let reason): return .problem(MailboxProblem(position: position, reason: reason))
            }
        }
    }

    /// `directory/name` for people, as ``RawPath/display`` shows a path, made in one go.
    fileprivate static func display(_ directory: RawPath, _ name: UnsafeRawBufferPointer) -> String {
        directory.cString.withUnsafeBytes { path in
            let prefix = UnsafeRawBufferPointer(rebasing: path.dropLast())
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: prefix.count + 1 + name.count) { joined in
                UnsafeMutableRawBufferPointer(joined).copyMemory(from: prefix)
                joined[prefix.count] = UInt8(ascii: "/")
                UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(joined)[(prefix.count + 1)...])
                    .copyMemory(from: name)
                return String(decoding: joined, as: UTF8.self)
            }
        }
    }

    /// The problem for a directory inside the mailbox that could not be listed.
    static func unlistable(_ directory: RawPath, mailbox: String, _ error: SystemError) -> Step {
        let position = SourcePosition(mailbox: mailbox, index: 0, location: .file(directory.display))
        return .problem(MailboxProblem(position: position, reason: .unreadable(reason: error.message)))
    }
}
