/// The files a directory reader found, in reading order, read one at a time.
///
/// Directory readers list and sort everything up front (sorting needs the
/// whole list; names are small), then read each file only when asked, so one
/// message is in memory at a time.
struct ListedFiles {
    /// One step of the reading: a file to read, or a problem found while listing.
    enum Step {
        case file(RawPath, maildirFlags: String?)
        case problem(MailboxProblem)
    }

    private let mailbox: String
    private let limit: Int
    private let reading: MessageReading
    private let steps: [Step]
    private var cursor = 0
    private var fileCount = 0
    private let buffer = ReadBuffer()

    init(mailbox: String, steps: [Step], limit: Int, reading: MessageReading = .whole) {
        self.mailbox = mailbox
        self.limit = limit
        self.reading = reading
        self.steps = steps
    }

    /// Whether the listing found nothing at all, not even a problem.
    var isEmpty: Bool { steps.isEmpty }

    /// Reads the next file (or reports the next listing problem).
    mutating func next() -> MailboxItem? {
        guard cursor < steps.count else { return nil }
        defer { cursor += 1 }
        switch steps[cursor] {
        case .problem(let problem):
            return .problem(problem)
        case .file(let path, let flags):
            fileCount += 1
            let position = SourcePosition(mailbox: mailbox, index: fileCount, location: .file(path.display))
            switch MessageFile.readEntry(path, limit: limit, reading: reading, buffer: buffer) {
            case .success(let read):
                return SingleMessage.item(
                    read.bytes, at: position, maildirFlags: flags,
                    storedSize: read.storedSize, isHeaderSectionOnly: read.storedSize != nil)
            case .failure(let reason): return .problem(MailboxProblem(position: position, reason: reason))
            }
        }
    }

    /// The problem for a directory inside the mailbox that could not be listed.
    static func unlistable(_ directory: RawPath, mailbox: String, _ error: SystemError) -> Step {
        let position = SourcePosition(mailbox: mailbox, index: 0, location: .file(directory.display))
        return .problem(MailboxProblem(position: position, reason: .unreadable(reason: error.message)))
    }
}
