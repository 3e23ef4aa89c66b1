/// One node of a message's MIME tree (RFC 2045, RFC 2046).
///
/// A part holds the positions of its bytes in the message, not copies of
/// them: nothing is decoded until asked for, so reading the structure of a
/// message with a 7 MB attachment costs a scan, not a base64 decode.
public struct MIMEPart: Sendable {
    /// The part's number, as IMAP numbers parts: `1`, `1.2`, `2.1.3`. The root of the message is the empty string.
    public let path: String
    public let header: Header
    /// The part's media type; the RFC 2046 default when the field is absent or unreadable.
    public let contentType: ContentType
    public let transferEncoding: TransferEncoding
    /// `inline` or `attachment` (lower case) from Content-Disposition, nil when absent.
    public let disposition: String?
    /// The file name from Content-Disposition `filename`, else Content-Type `name`; decoded.
    public let filename: String?
    /// Where the part's body starts and ends in ``Message/bytes``; for a multipart this spans all its children.
    public let bodyRange: Range<Int>
    /// The parts of a multipart, or the single encapsulated message of a `message/rfc822`.
    public let children: [MIMEPart]

    public init(
        path: String, header: Header, contentType: ContentType, transferEncoding: TransferEncoding,
        disposition: String?, filename: String?, bodyRange: Range<Int>, children: [MIMEPart]
    ) {
        self.path = path
        self.header = header
        self.contentType = contentType
        self.transferEncoding = transferEncoding
        self.disposition = disposition
        self.filename = filename
        self.bodyRange = bodyRange
        self.children = children
    }

    /// The size of the body as transmitted (still encoded), in bytes.
    public var encodedSize: Int { bodyRange.count }

    /// Whether a person would see this part as an attachment: disposition `attachment`, or a non-text leaf with a file name.
    public var isAttachment: Bool {
        if disposition == "attachment" { return true }
        return children.isEmpty && filename != nil && !contentType.isText
    }

    /// This part and every part below it, depth first, in the order they appear in the message.
    public var allParts: [MIMEPart] {
        var result: [MIMEPart] = []
        func visit(_ part: MIMEPart) {
            result.append(part)
            part.children.forEach(visit)
        }
        visit(self)
        return result
    }
}
