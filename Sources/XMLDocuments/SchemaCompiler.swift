import CLibXML2

/// Compiles a parsed RelaxNG schema document with libxml2.
enum SchemaCompiler {
    /// The compiled schema; the caller owns it and frees it with `xmlRelaxNGFree`.
    ///
    /// libxml2 compiles a copy of the tree, whose nodes keep their lines but
    /// are not the ones mailroute located; problems are placed by finding the
    /// element with the same name on the same line in the parsed schema.
    static func compile(_ parsed: ParsedDocument) throws(XMLError) -> xmlRelaxNGPtr {
        guard let context = xmlRelaxNGNewDocParserCtxt(parsed.tree.document) else {
            throw .outOfResources(file: parsed.file)
        }
        defer { xmlRelaxNGFreeParserCtxt(context) }
        // Indexed at the first problem only: a usable schema, the usual case, never needs it.
        var elements: ElementsByLine?
        let log = LibXML2ErrorLog { node in
            let index = elements ?? ElementsByLine(parsed.root)
            elements = index
            return mailroute_xml_enclosing_element(node).flatMap(index.location(of:))
        }
        xmlRelaxNGSetParserStructuredErrors(context, LibXML2ErrorLog.handler, log.handlerContext)
        let schema = log.capturing { xmlRelaxNGParse(context) }
        let list = DiagnosticList(file: parsed.file, limit: parsed.limits.maximumDiagnostics)
        let problems = list.diagnostics(for: log.errors)
        if let schema, problems.isEmpty { return schema }
        if let schema { xmlRelaxNGFree(schema) }
        let fallback = XMLDiagnostic(
            location: parsed.root.location, message: "this is not a usable RelaxNG schema")
        throw .unusableSchema(file: parsed.file, problems: problems.isEmpty ? [fallback] : problems)
    }
}

/// The elements of a tree indexed by line and qualified name, to find a
/// libxml2 node's location when only its line and name are known.
private struct ElementsByLine {
    private var locations: [String: SourceLocation] = [:]

    init(_ root: XMLElement) {
        add(root)
    }

    private mutating func add(_ element: XMLElement) {
        let key = "\(element.location.line) \(element.qualifiedName)"
        if locations[key] == nil { locations[key] = element.location }
        element.children.forEach { add($0) }
    }

    func location(of node: xmlNodePtr) -> SourceLocation? {
        guard let name = node.pointee.name else { return nil }
        var qualifiedName = String(cString: name)
        if let prefix = node.pointee.ns?.pointee.prefix {
            qualifiedName = "\(String(cString: prefix)):\(qualifiedName)"
        }
        return locations["\(xmlGetLineNo(node)) \(qualifiedName)"]
    }
}
