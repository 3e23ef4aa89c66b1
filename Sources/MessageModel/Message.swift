/// A message read from raw bytes (CRLF or LF line ends): its header, its MIME
/// tree and the problems found on the way.
///
/// Reading never fails. Whatever the bytes, the result is a message whose
/// ``defects`` say what was wrong with them.
public struct Message: Sendable {
    /// How much of a message to read.
    public enum Scope: Sendable {
        /// The top-level header only; ``Message/root`` then has no children.
        case header
        /// The header and the whole MIME tree (bodies are located, not decoded).
        case structure
    }

    /// The message exactly as received.
    public let bytes: [UInt8]
    /// The root of the MIME tree; its header is the message header.
    public let root: MIMEPart
    /// Every problem found while reading the header and the structure.
    public let defects: [Defect]

    /// The message header.
    public var header: Header { root.header }
    /// The size of the message in bytes.
    public var size: Int { bytes.count }
}

extension Message {
    /// Reads a message from its raw bytes.
    ///
    /// - Parameters:
    ///   - bytes: the message as received, CRLF or LF line ends.
    ///   - scope: `.header` reads only the top-level header (the cheap path for
    ///     header-only rules); `.structure` also locates every MIME part.
    ///   - limits: bounds on header fields, nesting and parts; reaching one adds a defect.
    public init(bytes: [UInt8], scope: Scope = .structure, limits: ParseLimits = .standard) {
        var parser = MIMEParser(bytes: bytes, limits: limits, scope: scope)
        let root = parser.parsePart(range: 0..<bytes.count, path: "", depth: 0, defaultType: .textPlain)
        var defects = parser.defects
        if bytes.isEmpty {
            defects.insert(Defect(.emptyMessage, "the message has no bytes at all"), at: 0)
        }
        self.bytes = bytes
        self.root = root
        self.defects = defects
    }

    /// Every part of the tree, depth first in message order, the root first.
    public var parts: [MIMEPart] { root.allParts }

    /// The leaves whose content a person reads as text: `text/*` parts that are not attachments.
    public var textParts: [MIMEPart] {
        parts.filter { $0.children.isEmpty && $0.contentType.isText && $0.disposition != "attachment" }
    }

    /// The leaves that are attachments (see ``MIMEPart/isAttachment``).
    public var attachments: [MIMEPart] {
        parts.filter { $0.children.isEmpty && $0.isAttachment }
    }
}
