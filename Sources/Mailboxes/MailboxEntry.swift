/// One message read from a mailbox: its bytes and what the mailbox said about it.
public struct MailboxEntry: Sendable {
    /// Where the message was found.
    public var position: SourcePosition
    /// The message as stored, byte for byte, minus the mailbox's own framing:
    /// an mbox `From ` envelope line is never included (it is in
    /// ``envelopeSender``), and in an mbox the `>From ` quoting is undone and
    /// the line break written before the next `From ` line is removed.
    public var bytes: [UInt8]
    /// The Maildir flags: the letters after `:2,` in the file name (`"FRS"`),
    /// `""` for a `:2,` with no letters, `nil` where the name has no `:2,`
    /// or the mailbox is not a Maildir.
    public var maildirFlags: String?
    /// The address on the mbox `From ` line (`MAILER-DAEMON`, `alice@example.com`),
    /// also taken from a message file that starts with such a line; `nil` otherwise.
    public var envelopeSender: String?
    /// True when an mbox ended inside this message's last line, with no line
    /// break after it. The message is yielded anyway; it may have been cut short
    /// by a writer that stopped or a copy that did not finish.
    public var mayBeTruncated: Bool
    /// The size of the whole message as stored, in bytes: `bytes.count`
    /// unless only its header section was read (``isHeaderSectionOnly``).
    public var size: Int
    /// Whether `bytes` holds only the header section, read with ``MessageReading/headerSection``.
    public var isHeaderSectionOnly: Bool

    /// An entry as a reader makes it; public so tests and other sources can build one.
    public init(
        position: SourcePosition, bytes: [UInt8], maildirFlags: String? = nil,
        envelopeSender: String? = nil, mayBeTruncated: Bool = false, size: Int? = nil, isHeaderSectionOnly: Bool = false
    ) {
        self.size = size ?? bytes.count
        self.isHeaderSectionOnly = isHeaderSectionOnly
        self.position = position
        self.bytes = bytes
        self.maildirFlags = maildirFlags
        self.envelopeSender = envelopeSender
        self.mayBeTruncated = mayBeTruncated
    }
}
