import CLibXML2

/// A document parsed by libxml2 and turned into mailroute's tree, with the
/// libxml2 tree kept alive so that it can still be validated.
///
/// Internal and single-threaded: it lives for one call of the public API.
final class ParsedDocument {
    let file: String
    let warnings: [XMLDiagnostic]
    let tree: LibXML2Tree
    let limits: XMLParsingLimits
    private let source: SourceText
    private let rootNode: xmlNodePtr
    /// mailroute's tree and the locations of libxml2's nodes, built at first
    /// use: a schema, compiled from `tree`, needs them only to place a
    /// problem of its own, and a command compiles one or two.
    private lazy var built: (root: XMLElement, locations: [UnsafeMutableRawPointer: SourceLocation]) = {
        var builder = TreeBuilder(file: file, source: source)
        let root = builder.element(from: rootNode)
        return (root, builder.locations)
    }()

    /// The document element, in mailroute's tree.
    var root: XMLElement { built.root }
    /// Where each libxml2 element and attribute node of `tree` was written.
    var locations: [UnsafeMutableRawPointer: SourceLocation] { built.locations }

    /// Parses `bytes` under mailroute's security policy (see ``XMLDocument``).
    init(bytes: [UInt8], displayName file: String, limits: XMLParsingLimits) throws(XMLError) {
        LibXML2Runtime.prepare()
        guard bytes.count <= limits.maximumDocumentBytes else {
            throw .tooLarge(file: file, byteCount: bytes.count, limit: limits.maximumDocumentBytes)
        }
        guard !bytes.isEmpty else {
            throw .malformed([XMLDiagnostic(location: SourceLocation(file: file, line: 1, column: 1),
                message: "the document is empty")])
        }
        guard let context = LibXML2ParserContext() else { throw .outOfResources(file: file) }
        let source = SourceText(bytes)
        let log = LibXML2ErrorLog()
        let documentTypeGuard = DocumentTypeGuard()
        documentTypeGuard.watch(context)
        let document = log.capturing {
            bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress.flatMap { base in
                    base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { characters in
                        xmlCtxtReadMemory(
                            context.pointer, characters, Int32(buffer.count), nil, nil,
                            LibXML2Runtime.parseOptions)
                    }
                }
            }
        }
        let tree = document.map(LibXML2Tree.init)
        let list = DiagnosticList(file: file, limit: limits.maximumDiagnostics)
        if let refusal = documentTypeGuard.diagnostic(file: file, source: source) {
            throw .malformed([refusal])
        }
        let errors = list.diagnostics(for: log.errors)
        guard errors.isEmpty, let tree, let rootNode = tree.rootElement else {
            throw .malformed(errors.isEmpty ? [Self.unexplainedFailure(file: file)] : errors)
        }
        self.file = file
        self.warnings = list.diagnostics(for: log.warnings)
        self.tree = tree
        self.limits = limits
        self.source = source
        self.rootNode = rootNode
    }

    /// Where a node of `tree` named by a validity problem was written: the
    /// node's own location, else its nearest element's, else `nil`.
    func location(ofNode node: UnsafeMutableRawPointer) -> SourceLocation? {
        if let location = locations[node] { return location }
        guard let element = mailroute_xml_enclosing_element(node) else { return nil }
        return locations[UnsafeMutableRawPointer(element)]
    }

    private static func unexplainedFailure(file: String) -> XMLDiagnostic {
        XMLDiagnostic(
            location: SourceLocation(file: file, line: 1, column: 1),
            message: "libxml2 could not parse the document and gave no reason")
    }
}
