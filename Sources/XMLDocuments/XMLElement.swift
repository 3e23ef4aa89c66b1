/// An element of a parsed XML document: an immutable value that owns its
/// whole subtree and knows where it was written.
///
/// Comments and processing instructions are dropped; text and CDATA are kept.
public struct XMLElement: Sendable, Hashable {
    /// The local name, without any namespace prefix.
    public let name: String
    /// The prefix written before the name, if any.
    public let prefix: String?
    /// The namespace URI of the element, if it is in a namespace.
    public let namespaceURI: String?
    /// The attributes in document order. Namespace declarations (`xmlns`,
    /// `xmlns:p`) are not attributes here; they show as ``namespaceURI``.
    public let attributes: [XMLAttribute]
    /// The content in document order: child elements and text runs.
    public let content: [XMLContent]
    /// Where the start tag's `<` is. If the tag could not be found in the
    /// source text, the line libxml2 recorded and column 1.
    public let location: SourceLocation

    /// Creates an element.
    public init(
        name: String, prefix: String? = nil, namespaceURI: String? = nil,
        attributes: [XMLAttribute] = [], content: [XMLContent] = [], location: SourceLocation
    ) {
        self.name = name
        self.prefix = prefix
        self.namespaceURI = namespaceURI
        self.attributes = attributes
        self.content = content
        self.location = location
    }

    /// The name as written: `prefix:name`, or just `name`.
    public var qualifiedName: String {
        guard let prefix else { return name }
        return "\(prefix):\(name)"
    }
}
