/// Reads an mbox, one message at a time, in file order.
///
/// The format read is the common ground of mboxo and mboxrd, with LF or CRLF
/// line ends:
/// - a line starting with `From ` (at the start of the file or after a line
///   break) begins a message; it is not part of the message, but its first
///   word is kept as ``MailboxEntry/envelopeSender``;
/// - the line break before the next `From ` line belongs to that line: exactly
///   one line break (the blank line writers add) is taken off each message;
/// - a line matching `>+From ` loses one `>`, which undoes the quoting of both
///   mboxo and mboxrd writers.
///
/// Broken parts are reported in place and the reading goes on: text before the
/// first `From ` line (skipped), empty messages, and messages over the size
/// limit (skipped without being held in memory). A last message with no
/// final line break is still yielded, marked ``MailboxEntry/mayBeTruncated``.
/// If reading the file fails, the message being read is reported as
/// ``MailboxProblem/Reason/unreadable(reason:)`` and the reading ends.
///
/// Memory stays flat: the file is read in 256 KiB chunks into one reused
/// buffer, and only the current message is held.
public final class MboxReader: MailboxReader {
    private struct Envelope {
        let position: SourcePosition
        let sender: String?
    }

    private let input: BufferedInput
    private let mailbox: String
    private let limit: Int
    private var lineNumber = 1
    private var fromLineCount = 0
    /// The `From ` line of the message being gathered; nil before the first one.
    private var envelope: Envelope?
    private var bytes: [UInt8] = []
    /// Whether the message being gathered has outgrown the limit; its bytes
    /// are then dropped as they are read.
    private var isTooLarge = false
    private var skippedBytes = 0
    private var skippedLines = 0
    private var isFinished = false

    /// Opens the mbox at `path`, following a symbolic link there. A message
    /// larger than `maximumMessageSize` bytes is reported, not held in memory.
    ///
    /// - Throws: ``MailboxError`` if the path does not exist, cannot be read,
    ///   or is a directory or socket.
    public convenience init(
        path: String, maximumMessageSize: Int = Mailbox.defaultMaximumMessageSize
    ) throws(MailboxError) {
        let (descriptor, _) = try MailboxPath.openStream(path, as: .mbox)
        self.init(input: BufferedInput(descriptor), mailbox: path, maximumMessageSize: maximumMessageSize)
    }

    /// Reads an mbox from an open descriptor (standard input, a pipe), which
    /// is left open. `mailbox` names it in positions; `-` shows as `<stdin>`.
    public convenience init(
        fileDescriptor: Int32, mailbox: String = "-", maximumMessageSize: Int = Mailbox.defaultMaximumMessageSize
    ) {
        self.init(
            input: BufferedInput(FileDescriptor(borrowing: fileDescriptor)), mailbox: mailbox,
            maximumMessageSize: maximumMessageSize)
    }

    init(input: BufferedInput, mailbox: String, maximumMessageSize: Int) {
        self.input = input
        self.mailbox = mailbox
        limit = maximumMessageSize
    }

    /// The next message or problem, or nil once the whole mbox has been read.
    public func next() -> MailboxItem? {
        while !isFinished {
            if let item = readLine() { return item }
        }
        return nil
    }

    /// Reads one line, or a run of lines that cannot be `From ` lines or
    /// quoted ones; returns an item when a line ends an entry.
    private func readLine() -> MailboxItem? {
        let ordinary = input.consumeLines(notStartingWith: UInt8(ascii: "F"), UInt8(ascii: ">")) { append($0) }
        if ordinary > 0 {
            lineNumber += ordinary
            if envelope == nil { skippedLines += ordinary }
            return nil
        }
        let line = lineNumber
        let offset = input.offset
        let quotes = input.consumeRun(of: UInt8(ascii: ">"))
        let isFromLine = input.startsWith(EnvelopeLine.prefix)
        if quotes == 0 && isFromLine && input.startsWithEnvelopeLine() { return startMessage(line: line, offset: offset) }
        if quotes == 0 && input.isExhausted { return finishAtEnd() }
        if envelope == nil {
            skippedBytes += quotes
            skippedLines += 1
        } else {
            append(repeatElement(UInt8(ascii: ">"), count: isFromLine && quotes > 0 ? quotes - 1 : quotes))
        }
        if input.consumeLine({ append($0) }) { lineNumber += 1 }
        return nil
    }

    private func append(_ piece: some Collection<UInt8>) {
        if envelope == nil {
            skippedBytes += piece.count
        } else if isTooLarge || bytes.count + piece.count > limit + 2 {
            // 2: room for the line break that turns out to belong to the next From line.
            isTooLarge = true
            bytes = []
        } else {
            bytes.append(contentsOf: piece)
        }
    }

    /// Reads a `From ` line: the entry before it is complete, a new one begins.
    private func startMessage(line: Int, offset: Int) -> MailboxItem? {
        // The sender is the first word: a kilobyte of the line is plenty, and a
        // hostile line of any length costs no memory.
        var start: [UInt8] = []
        let ended = input.consumeLine { piece in
            start.append(contentsOf: piece.prefix(Swift.max(0, 1024 - start.count)))
        }
        if ended { lineNumber += 1 }
        let finished = finishEntry(atEnd: false)
        fromLineCount += 1
        let position = SourcePosition(
            mailbox: mailbox, index: fromLineCount, location: .mbox(line: line, byteOffset: offset))
        envelope = Envelope(position: position, sender: EnvelopeLine.sender(start))
        return finished
    }

    private func finishAtEnd() -> MailboxItem? {
        isFinished = true
        guard let failure = input.failure else { return finishEntry(atEnd: true) }
        let position = envelope?.position ?? skippedTextPosition
        return .problem(MailboxProblem(position: position, reason: .unreadable(reason: failure.message)))
    }

    /// The entry gathered since the last `From ` line (or the text before the first).
    private func finishEntry(atEnd: Bool) -> MailboxItem? {
        guard let envelope else {
            guard skippedBytes > 0 else { return nil }
            let reason = MailboxProblem.Reason.textBeforeFirstMessage(byteCount: skippedBytes, lineCount: skippedLines)
            return .problem(MailboxProblem(position: skippedTextPosition, reason: reason))
        }
        var message = bytes
        bytes = []
        let hadLineBreak = Self.removeLineBreak(from: &message)
        guard !isTooLarge && message.count <= limit else {
            isTooLarge = false
            return .problem(MailboxProblem(position: envelope.position, reason: .tooLarge(limit: limit)))
        }
        guard !message.isEmpty else {
            return .problem(MailboxProblem(position: envelope.position, reason: .emptyMessage))
        }
        return .message(MailboxEntry(
            position: envelope.position, bytes: message, envelopeSender: envelope.sender,
            mayBeTruncated: atEnd && !hadLineBreak))
    }

    private var skippedTextPosition: SourcePosition {
        SourcePosition(mailbox: mailbox, index: 0, location: .mbox(line: 1, byteOffset: 0))
    }

    /// Removes one final CRLF or LF; returns false if there was none.
    private static func removeLineBreak(from message: inout [UInt8]) -> Bool {
        guard message.last == 0x0A else { return false }
        message.removeLast()
        if message.last == 0x0D { message.removeLast() }
        return true
    }
}
