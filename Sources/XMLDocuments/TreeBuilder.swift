import CLibXML2

/// Turns libxml2's tree into mailroute's value tree, locating every element
/// and attribute in the source text on the way.
///
/// It also remembers the location of every libxml2 element and attribute
/// node, so that validity errors, which name a node, get the same positions.
/// Recursion depth is bounded by libxml2's nesting limit (256 levels).
struct TreeBuilder {
    let file: String
    private var locator: StartTagLocator
    private(set) var locations: [UnsafeMutableRawPointer: SourceLocation] = [:]

    init(file: String, source: SourceText) {
        self.file = file
        locator = StartTagLocator(source: source)
    }

    mutating func element(from node: xmlNodePtr) -> XMLElement {
        let name = Self.string(node.pointee.name)
        let prefix = node.pointee.ns.flatMap { $0.pointee.prefix.map(Self.string) }
        let namespaceURI = node.pointee.ns.flatMap { $0.pointee.href.map(Self.string) }
        let qualifiedName = prefix.map { "\($0):\(name)" } ?? name
        let line = Int(xmlGetLineNo(node))
        let tag = locator.nextStartTag(named: qualifiedName, endingOnLine: line)
        let location = tag.map { self.location(at: $0.offset) } ?? SourceLocation(file: file, line: line, column: 1)
        locations[UnsafeMutableRawPointer(node)] = location
        let attributes = attributes(of: node, tag: tag, elementLocation: location)
        return XMLElement(
            name: name, prefix: prefix, namespaceURI: namespaceURI,
            attributes: attributes, content: content(of: node), location: location)
    }

    private mutating func content(of node: xmlNodePtr) -> [XMLContent] {
        var content: [XMLContent] = []
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                content.append(.element(element(from: current)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                let run = current.pointee.content.map { Self.string(UnsafePointer($0)) } ?? ""
                if case .text(let previous) = content.last {
                    content[content.count - 1] = .text(previous + run)
                } else if !run.isEmpty {
                    content.append(.text(run))
                }
            default:
                break
            }
            child = current.pointee.next
        }
        return content
    }

    private mutating func attributes(
        of node: xmlNodePtr, tag: LocatedStartTag?, elementLocation: SourceLocation
    ) -> [XMLAttribute] {
        var written = tag?.attributes ?? []
        var attributes: [XMLAttribute] = []
        var property = node.pointee.properties
        while let current = property {
            let name = Self.string(current.pointee.name)
            let prefix = current.pointee.ns.flatMap { $0.pointee.prefix.map(Self.string) }
            let namespaceURI = current.pointee.ns.flatMap { $0.pointee.href.map(Self.string) }
            let qualifiedName = Array((prefix.map { "\($0):\(name)" } ?? name).utf8)
            var location = elementLocation
            if let index = written.firstIndex(where: { $0.name == qualifiedName }) {
                location = self.location(at: written[index].offset)
                written.remove(at: index)
            }
            locations[UnsafeMutableRawPointer(current)] = location
            attributes.append(
                XMLAttribute(
                    name: name, prefix: prefix, namespaceURI: namespaceURI,
                    value: Self.value(of: current), location: location))
            property = current.pointee.next
        }
        return attributes
    }

    private func location(at offset: Int) -> SourceLocation {
        let position = locator.source.lineAndColumn(at: offset)
        return SourceLocation(file: file, line: position.line, column: position.column)
    }

    private static func value(of attribute: xmlAttrPtr) -> String {
        guard let value = xmlNodeListGetString(attribute.pointee.doc, attribute.pointee.children, 1) else {
            return ""
        }
        defer { mailroute_xml_free(value) }
        return String(cString: value)
    }

    private static func string(_ characters: UnsafePointer<xmlChar>?) -> String {
        characters.map { String(cString: $0) } ?? ""
    }
}
