import XMLDocuments

/// The test fixtures, found next to this file so no package resources are needed.
enum Fixtures {
    static let folder: String = {
        var path = #filePath
        while let last = path.last, last != "/" { path.removeLast() }
        return path + "Fixtures/"
    }()

    static func path(_ name: String) -> String { folder + name }
}

/// Parses an in-memory document named `name`.
func parse(_ text: String, name: String = "test.xml", limits: XMLParsingLimits = .standard) throws(XMLError)
    -> XMLDocument
{
    try XMLDocument(bytes: Array(text.utf8), displayName: name, limits: limits)
}

/// The diagnostics a parse failed with, or `nil` if it did not fail as malformed.
func malformedDiagnostics(_ text: String, name: String = "test.xml") -> [XMLDiagnostic]? {
    do {
        _ = try parse(text, name: name)
        return nil
    } catch {
        guard case .malformed(let diagnostics) = error else { return nil }
        return diagnostics
    }
}
