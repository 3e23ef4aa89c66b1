import CLibXML2

/// Watches the parser for document type declarations and refuses them.
///
/// Mailroute files have no use for DTDs, and entity declarations are how XXE
/// and entity-expansion attacks (billion laughs, quadratic blowup) work. The
/// guard replaces two SAX callbacks of one parser context: a DOCTYPE is
/// remembered (parsing goes on, so that entity declarations in its internal
/// subset can be named as the reason), and the first entity declaration stops
/// the parser at once, before any entity is stored or expanded.
final class DocumentTypeGuard {
    /// What was refused, and the line and column the parser had reached.
    enum Refusal {
        case documentType(line: Int, column: Int)
        case entityDeclaration(line: Int, column: Int)
    }

    private(set) var refusal: Refusal?

    /// Hooks the guard into `context`; the guard must outlive the parse.
    func watch(_ context: LibXML2ParserContext) {
        context.pointer.pointee._private = Unmanaged.passUnretained(self).toOpaque()
        guard let handler = context.pointer.pointee.sax else { return }
        handler.pointee.internalSubset = documentTypeSeen
        handler.pointee.entityDecl = entityDeclarationSeen
    }

    fileprivate func noteDocumentType(at position: (line: Int, column: Int)) {
        if refusal == nil { refusal = .documentType(line: position.line, column: position.column) }
    }

    fileprivate func refuseEntityDeclaration(at position: (line: Int, column: Int)) {
        refusal = .entityDeclaration(line: position.line, column: position.column)
    }

    /// The refusal as a diagnostic, located at the `<!DOCTYPE` or `<!ENTITY`
    /// that caused it when it can be found in the source.
    func diagnostic(file: String, source: SourceText) -> XMLDiagnostic? {
        let (line, column, keyword, message): (Int, Int, String, String)
        switch refusal {
        case nil:
            return nil
        case .documentType(let refusedLine, let refusedColumn):
            (line, column, keyword) = (refusedLine, refusedColumn, "<!DOCTYPE")
            message = "document type declarations (DOCTYPE) are not allowed in mailroute files"
        case .entityDeclaration(let refusedLine, let refusedColumn):
            (line, column, keyword) = (refusedLine, refusedColumn, "<!ENTITY")
            message = "entity declarations are not allowed in mailroute files"
        }
        var location = SourceLocation(file: file, line: line, column: column)
        if source.isASCIICompatible,
            let start = source.lastOccurrence(of: keyword, before: source.offset(line: line, column: column))
        {
            let found = source.lineAndColumn(at: start)
            location = SourceLocation(file: file, line: found.line, column: found.column)
        }
        return XMLDiagnostic(location: location, message: message)
    }
}

private func documentTypeGuard(of context: UnsafeMutableRawPointer?) -> (DocumentTypeGuard, xmlParserCtxtPtr)? {
    guard let context else { return nil }
    let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
    guard let watcher = parser.pointee._private else { return nil }
    return (Unmanaged<DocumentTypeGuard>.fromOpaque(watcher).takeUnretainedValue(), parser)
}

private func parserPosition(_ parser: xmlParserCtxtPtr) -> (line: Int, column: Int) {
    guard let input = parser.pointee.input else { return (1, 1) }
    return (Int(input.pointee.line), Int(input.pointee.col))
}

private func documentTypeSeen(
    _ context: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?,
    _ publicID: UnsafePointer<xmlChar>?, _ systemID: UnsafePointer<xmlChar>?
) {
    guard let (watcher, parser) = documentTypeGuard(of: context) else { return }
    watcher.noteDocumentType(at: parserPosition(parser))
}

private func entityDeclarationSeen(
    _ context: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?, _ type: Int32,
    _ publicID: UnsafePointer<xmlChar>?, _ systemID: UnsafePointer<xmlChar>?,
    _ content: UnsafeMutablePointer<xmlChar>?
) {
    guard let (watcher, parser) = documentTypeGuard(of: context) else { return }
    watcher.refuseEntityDeclaration(at: parserPosition(parser))
    xmlStopParser(parser)
}
