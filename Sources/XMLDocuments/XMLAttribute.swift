/// One attribute of an element, as written in the file.
public struct XMLAttribute: Sendable, Hashable {
    /// The local name, without any namespace prefix.
    public let name: String
    /// The prefix written before the name (`xlink` in `xlink:href`), if any.
    public let prefix: String?
    /// The namespace URI the prefix stands for; `nil` for unprefixed
    /// attributes, which belong to no namespace.
    public let namespaceURI: String?
    /// The value, with character and predefined entity references replaced
    /// and whitespace normalised as XML prescribes.
    public let value: String
    /// Where the attribute's name starts; the element's location when it
    /// could not be found in the source text.
    public let location: SourceLocation

    /// Creates an attribute.
    public init(
        name: String, prefix: String? = nil, namespaceURI: String? = nil,
        value: String, location: SourceLocation
    ) {
        self.name = name
        self.prefix = prefix
        self.namespaceURI = namespaceURI
        self.value = value
        self.location = location
    }

    /// The name as written: `prefix:name`, or just `name`.
    public var qualifiedName: String {
        guard let prefix else { return name }
        return "\(prefix):\(name)"
    }
}
