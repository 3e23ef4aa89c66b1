import CLibXML2
import Synchronization

/// A RelaxNG schema (XML syntax), compiled once and reusable for any number
/// of documents, from any thread.
///
/// The schema is read under the same rules as documents: no DTDs, no entity
/// declarations, no network; and it must be self-contained, because libxml2
/// is never allowed to load other files (`include` and `externalRef` fail).
/// Validations against one schema run one at a time, as libxml2 does not
/// promise that a compiled RelaxNG schema can be shared by concurrent runs.
public final class XMLSchema: Sendable {
    /// The name the schema's problems are reported under.
    public let file: String
    /// The compiled libxml2 schema, owned by this object and freed in deinit.
    /// Opted out of checking because the pointer itself never changes and
    /// every use of what it points to happens under `validationLock`.
    nonisolated(unsafe) private let compiled: xmlRelaxNGPtr
    /// Serialises validations: one libxml2 validation at a time per schema.
    private let validationLock = Mutex(())

    /// Reads and compiles the RelaxNG schema at `path`.
    ///
    /// - Throws: ``XMLError/unreadable(file:reason:)``, ``XMLError/tooLarge(file:byteCount:limit:)``,
    ///   or ``XMLError/unusableSchema(file:problems:)`` listing every problem
    ///   with the schema file's line and column.
    public convenience init(contentsOf path: String, limits: XMLParsingLimits = .standard) throws(XMLError) {
        let bytes = try SourceFile.read(path, limit: limits.maximumDocumentBytes)
        try self.init(bytes: bytes, displayName: path, limits: limits)
    }

    /// Compiles the RelaxNG schema in `text`; problems name `displayName`.
    ///
    /// - Throws: as ``init(contentsOf:limits:)``, except that there is no file to be unreadable.
    public convenience init(text: String, displayName: String, limits: XMLParsingLimits = .standard)
        throws(XMLError)
    {
        try self.init(bytes: Array(text.utf8), displayName: displayName, limits: limits)
    }

    /// Compiles the RelaxNG schema in `bytes`; problems name `displayName`.
    ///
    /// - Throws: as ``init(contentsOf:limits:)``, except that there is no file to be unreadable.
    public init(bytes: [UInt8], displayName: String, limits: XMLParsingLimits = .standard) throws(XMLError) {
        let parsed: ParsedDocument
        do {
            parsed = try ParsedDocument(bytes: bytes, displayName: displayName, limits: limits)
        } catch .malformed(let problems) {
            throw .unusableSchema(file: displayName, problems: problems)
        }
        file = displayName
        compiled = try SchemaCompiler.compile(parsed)
    }

    deinit {
        xmlRelaxNGFree(compiled)
    }

    /// The schema violations in the file at `path`; empty when it is valid.
    ///
    /// - Throws: ``XMLError`` when the file cannot be read or is not
    ///   well-formed; validity problems are returned, not thrown.
    public func validate(contentsOf path: String, limits: XMLParsingLimits = .standard) throws(XMLError)
        -> [XMLDiagnostic]
    {
        let bytes = try SourceFile.read(path, limit: limits.maximumDocumentBytes)
        return try validate(bytes: bytes, displayName: path, limits: limits)
    }

    /// The schema violations in the document in `bytes`; empty when it is valid.
    ///
    /// - Throws: ``XMLError`` when the bytes are not a well-formed document;
    ///   validity problems are returned, not thrown.
    public func validate(bytes: [UInt8], displayName: String, limits: XMLParsingLimits = .standard)
        throws(XMLError) -> [XMLDiagnostic]
    {
        violations(in: try ParsedDocument(bytes: bytes, displayName: displayName, limits: limits))
    }

    /// Every violation of this schema in `document`, located at the element
    /// or attribute it concerns.
    func violations(in document: ParsedDocument) -> [XMLDiagnostic] {
        let log = LibXML2ErrorLog(locateNode: document.location(ofNode:))
        let outcome: Int32? = validationLock.withLock { _ in
            guard let context = xmlRelaxNGNewValidCtxt(compiled) else { return nil }
            defer { xmlRelaxNGFreeValidCtxt(context) }
            xmlRelaxNGSetValidStructuredErrors(context, LibXML2ErrorLog.handler, log.handlerContext)
            return log.capturing { xmlRelaxNGValidateDoc(context, document.tree.document) }
        }
        let list = DiagnosticList(file: document.file, limit: document.limits.maximumDiagnostics)
        let diagnostics = list.diagnostics(for: log.errors)
        guard diagnostics.isEmpty, outcome != 0 else { return diagnostics }
        let reason = outcome == nil ? "libxml2 ran out of memory while validating" : "the document does not match"
        return [
            XMLDiagnostic(
                location: document.root.location, message: "\(reason) the schema \(file)")
        ]
    }
}
