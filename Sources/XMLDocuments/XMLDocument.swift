/// A parsed XML file: its root element and where it came from.
///
/// Parsing is safe on hostile input: no network access, no external entities,
/// no DTDs. A document with a DOCTYPE or entity declarations is refused as
/// ``XMLError/malformed(_:)``, which rules out XXE and entity-expansion attacks
/// (billion laughs, quadratic blowup). Documents above
/// ``XMLParsingLimits/maximumDocumentBytes`` are refused before parsing.
/// Parsing from several threads at once is safe.
public struct XMLDocument: Sendable, Hashable {
    /// The name the document's locations use: the file path, or the display
    /// name given for a byte buffer.
    public let file: String
    /// The document element.
    public let root: XMLElement
    /// Problems libxml2 reported as warnings; the document is usable despite them.
    public let warnings: [XMLDiagnostic]

    /// Creates a document from parts; parsing goes through the other initialisers.
    public init(file: String, root: XMLElement, warnings: [XMLDiagnostic] = []) {
        self.file = file
        self.root = root
        self.warnings = warnings
    }

    /// Reads and parses the file at `path`; locations name the file by `path`.
    ///
    /// - Parameter schema: when given, the document must also be valid against
    ///   it, or ``XMLError/invalid(_:)`` lists every violation.
    /// - Throws: ``XMLError/unreadable(file:reason:)``, ``XMLError/tooLarge(file:byteCount:limit:)``,
    ///   ``XMLError/malformed(_:)`` with every parser error, or ``XMLError/invalid(_:)``.
    public init(
        contentsOf path: String, validatingAgainst schema: XMLSchema? = nil,
        limits: XMLParsingLimits = .standard
    ) throws(XMLError) {
        let bytes = try SourceFile.read(path, limit: limits.maximumDocumentBytes)
        try self.init(bytes: bytes, displayName: path, validatingAgainst: schema, limits: limits)
    }

    /// Parses `bytes` as an XML document whose locations name `displayName`
    /// (for example `<stdin>`). The encoding is detected as XML prescribes;
    /// UTF-8 gives the most exact columns.
    ///
    /// - Throws: as ``init(contentsOf:validatingAgainst:limits:)``, except
    ///   that there is no file to be unreadable.
    public init(
        bytes: [UInt8], displayName: String, validatingAgainst schema: XMLSchema? = nil,
        limits: XMLParsingLimits = .standard
    ) throws(XMLError) {
        let parsed = try ParsedDocument(bytes: bytes, displayName: displayName, limits: limits)
        if let schema {
            let violations = schema.violations(in: parsed)
            if !violations.isEmpty { throw .invalid(violations) }
        }
        self.init(file: displayName, root: parsed.root, warnings: parsed.warnings)
    }
}
