/// The one message held by a file of its own (a Maildir file, an `.eml`
/// file, a single message file or standard input).
enum SingleMessage {
    /// The item for the whole contents of a message file.
    ///
    /// Files saved from an mbox often keep their `From ` envelope line; it is
    /// not part of the message, so it is moved to `envelopeSender`, as an mbox
    /// reader would. Nothing else is changed.
    static func item(
        _ bytes: [UInt8], at position: SourcePosition, maildirFlags: String? = nil,
        storedSize: Int? = nil, isHeaderSectionOnly: Bool = false
    ) -> MailboxItem {
        let storedSize = storedSize ?? bytes.count
        guard !bytes.isEmpty else {
            return .problem(MailboxProblem(position: position, reason: .emptyFile))
        }
        guard EnvelopeLine.starts(bytes) else {
            return .message(MailboxEntry(
                position: position, bytes: bytes, maildirFlags: maildirFlags,
                size: storedSize, isHeaderSectionOnly: isHeaderSectionOnly))
        }
        let lineEnd = bytes.firstIndex(of: 0x0A).map { $0 + 1 } ?? bytes.endIndex
        let message = Array(bytes[lineEnd...])
        guard !message.isEmpty else {
            return .problem(MailboxProblem(position: position, reason: .emptyMessage))
        }
        return .message(MailboxEntry(
            position: position, bytes: message, maildirFlags: maildirFlags,
            envelopeSender: EnvelopeLine.sender(bytes[..<lineEnd]),
            size: storedSize - lineEnd, isHeaderSectionOnly: isHeaderSectionOnly))
    }
}
