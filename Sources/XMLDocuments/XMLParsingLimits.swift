/// The bounds mailroute puts on an XML document before libxml2 sees it.
///
/// Rule and configuration files are written by hand, so the defaults are
/// generous; they exist so that a hostile or mistaken input cannot make
/// mailroute spend unbounded memory. libxml2's own limits (nesting depth 256,
/// text nodes of 10 MB) stay in force as well.
public struct XMLParsingLimits: Sendable, Hashable {
    /// The largest document accepted, in bytes.
    public var maximumDocumentBytes: Int
    /// The most diagnostics kept for one file; further ones are summarised in a
    /// final diagnostic, so a badly broken file cannot flood the report.
    public var maximumDiagnostics: Int

    /// Creates limits; values below 1 are raised to 1, and the document size is
    /// capped at 2 GiB - 1, the most libxml2 can take in one buffer.
    public init(maximumDocumentBytes: Int = 16 * 1024 * 1024, maximumDiagnostics: Int = 100) {
        self.maximumDocumentBytes = min(max(maximumDocumentBytes, 1), Int(Int32.max))
        self.maximumDiagnostics = max(maximumDiagnostics, 1)
    }

    /// 16 MiB per document and 100 diagnostics per file.
    public static let standard = XMLParsingLimits()
}
