import Mailboxes

/// What the mailbox readers must yield for an input, worked out the slow and
/// obvious way: the whole input in memory, split into lines, each rule of the
/// readers' documentation applied to one line at a time.
enum ReferenceReading {
    private static let envelopePrefix = Array("From ".utf8)
    private static let lineFeed = UInt8(ascii: "\n")

    /// Whether `bytes` starts with an envelope line: `From ` and then the sender,
    /// so not white space or a colon (`From  : John` is a header field).
    static func startsWithEnvelope(_ bytes: some Collection<UInt8>) -> Bool {
        guard bytes.starts(with: envelopePrefix), let next = bytes.dropFirst(envelopePrefix.count).first else {
            return false
        }
        return next != 0x20 && next != 0x09 && next != UInt8(ascii: ":")
    }

    /// An mbox as ``MboxReader`` documents it: an envelope line (`From ` and a
    /// sender) begins a message and is not part of it; `>+From ` lines lose one
    /// `>`; one line break before each envelope line (and at the end) belongs to the framing.
    static func mbox(_ bytes: [UInt8], mailbox: String, limit: Int) -> [ReadItem] {
        struct Gathered {
            var position: SourcePosition
            var sender: String?
            var content: [UInt8] = []
        }
        var items: [ReadItem] = []
        var current: Gathered? = nil
        var skippedBytes = 0
        var skippedLines = 0
        var envelopeCount = 0

        func textBefore() -> ReadItem? {
            guard skippedBytes > 0 else { return nil }
            return ReadItem(
                position: SourcePosition(mailbox: mailbox, index: 0, location: .mbox(line: 1, byteOffset: 0)),
                content: .problem(.textBeforeFirstMessage(byteCount: skippedBytes, lineCount: skippedLines)))
        }

        for (number, line) in lines(of: bytes).enumerated() {
            let text = bytes[line]
            if startsWithEnvelope(text) {
                if let current {
                    items.append(entry(current.content, at: current.position, sender: current.sender, atEnd: false, limit: limit))
                } else if let problem = textBefore() {
                    items.append(problem)
                }
                envelopeCount += 1
                let position = SourcePosition(
                    mailbox: mailbox, index: envelopeCount, location: .mbox(line: number + 1, byteOffset: line.lowerBound))
                // The reader keeps the first kilobyte of an envelope line to find the sender in.
                current = Gathered(position: position, sender: sender(onEnvelopeLine: text.prefix(1024)))
            } else if current != nil {
                let quotes = text.prefix { $0 == UInt8(ascii: ">") }.count
                // Any quoted `From ` loses a `>`, whatever follows: writers quote them all.
                let isQuotedFromLine = quotes > 0 && text.dropFirst(quotes).starts(with: envelopePrefix)
                current!.content.append(contentsOf: isQuotedFromLine ? text.dropFirst() : text)
            } else {
                skippedBytes += text.count
                skippedLines += 1
            }
        }
        if let current {
            items.append(entry(current.content, at: current.position, sender: current.sender, atEnd: true, limit: limit))
        } else if let problem = textBefore() {
            items.append(problem)
        }
        return items
    }

    /// One message as a message file or a single-message stream holds it: the whole
    /// input, less a leading `From ` line, which gives the envelope sender.
    static func singleMessage(_ bytes: [UInt8], mailbox: String, limit: Int) -> [ReadItem] {
        let position = SourcePosition(mailbox: mailbox, index: 1, location: .file(mailbox))
        guard bytes.count <= limit else { return [ReadItem(position: position, content: .problem(.tooLarge(limit: limit)))] }
        guard !bytes.isEmpty else { return [ReadItem(position: position, content: .problem(.emptyFile))] }
        guard startsWithEnvelope(bytes) else {
            return [ReadItem(position: position, content: .message(bytes: bytes, envelopeSender: nil, mayBeTruncated: false))]
        }
        let lineEnd = bytes.firstIndex(of: lineFeed).map { $0 + 1 } ?? bytes.count
        let message = Array(bytes[lineEnd...])
        guard !message.isEmpty else { return [ReadItem(position: position, content: .problem(.emptyMessage))] }
        return [ReadItem(
            position: position,
            content: .message(bytes: message, envelopeSender: sender(onEnvelopeLine: bytes[..<lineEnd]), mayBeTruncated: false))]
    }

    /// The lines of `bytes`, each with its line feed; the last may have none.
    private static func lines(of bytes: [UInt8]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: lineFeed).map { $0 + 1 } ?? bytes.count
            result.append(start..<end)
            start = end
        }
        return result
    }

    /// The entry for a gathered message: one final line break removed, then checked against the limit.
    private static func entry(_ content: [UInt8], at position: SourcePosition, sender: String?, atEnd: Bool, limit: Int) -> ReadItem {
        var message = content
        let hadLineBreak = message.last == lineFeed
        if hadLineBreak {
            message.removeLast()
            if message.last == UInt8(ascii: "\r") { message.removeLast() }
        }
        if message.count > limit { return ReadItem(position: position, content: .problem(.tooLarge(limit: limit))) }
        if message.isEmpty { return ReadItem(position: position, content: .problem(.emptyMessage)) }
        return ReadItem(
            position: position, content: .message(bytes: message, envelopeSender: sender, mayBeTruncated: atEnd && !hadLineBreak))
    }

    /// The first word after `From `: blanks are space, tab, CR and LF; nil when there is no word.
    private static func sender(onEnvelopeLine line: some Collection<UInt8>) -> String? {
        let isBlank = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }
        let word = line.dropFirst(envelopePrefix.count).drop(while: isBlank).prefix { !isBlank($0) }
        return word.isEmpty ? nil : String(decoding: word, as: UTF8.self)
    }
}
