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
