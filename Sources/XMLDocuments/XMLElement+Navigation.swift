extension XMLElement {
    /// The child elements, in document order.
    public var children: [XMLElement] {
        content.compactMap { piece in
            if case .element(let child) = piece { return child }
            return nil
        }
    }

    /// The child elements with the given local name, in document order.
    public func children(named name: String) -> [XMLElement] {
        children.filter { $0.name == name }
    }

    /// The first child element with the given local name, if any.
    public func firstChild(named name: String) -> XMLElement? {
        for case .element(let child) in content where child.name == name {
            return child
        }
        return nil
    }

    /// The first attribute with the given local name, if any. When attributes
    /// of several namespaces share a local name, pass `namespaceURI` to choose.
    public func attribute(named name: String, namespaceURI: String? = nil) -> XMLAttribute? {
        attributes.first { $0.name == name && (namespaceURI == nil || $0.namespaceURI == namespaceURI) }
    }

    /// The value of the attribute with the given local name, if present.
    public subscript(attribute name: String) -> String? {
        attribute(named: name)?.value
    }
}
