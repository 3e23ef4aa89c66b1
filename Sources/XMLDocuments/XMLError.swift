/// Why an XML file or schema could not be used.
///
/// Every case names the file, and every problem inside a file comes as an
/// ``XMLDiagnostic`` with its line and column, so the description can be shown
/// as it is to the person who must fix the file.
public enum XMLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file could not be opened or read; `reason` is the system's explanation.
    case unreadable(file: String, reason: String)
    /// The document is larger than mailroute accepts (see ``XMLParsingLimits``);
    /// `byteCount` is the size found, which may be a lower bound.
    case tooLarge(file: String, byteCount: Int, limit: Int)
    /// The document is not well-formed XML, or it uses a feature mailroute
    /// refuses (a DOCTYPE or entity declarations). Holds every error found.
    case malformed([XMLDiagnostic])
    /// The document is well-formed but breaks its schema. Holds every violation.
    case invalid([XMLDiagnostic])
    /// The schema file itself is unusable: not well-formed, or not a valid
    /// RelaxNG schema. Holds every problem, located in the schema file.
    case unusableSchema(file: String, problems: [XMLDiagnostic])
    /// libxml2 could not allocate what it needed; nothing is wrong with the file.
    case outOfResources(file: String)

    /// The located problems this error carries (empty for errors about the
    /// file as a whole).
    public var diagnostics: [XMLDiagnostic] {
        switch self {
        case .malformed(let diagnostics), .invalid(let diagnostics):
            return diagnostics
        case .unusableSchema(_, let problems):
            return problems
        case .unreadable, .tooLarge, .outOfResources:
            return []
        }
    }

    /// One line per problem, each in the `file:line:column: error: message` form.
    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file): error: cannot read the file: \(reason)"
        case .tooLarge(let file, let byteCount, let limit):
            return "\(file): error: the file is too large for mailroute: at least \(byteCount) bytes, "
                + "and the limit is \(limit) bytes"
        case .malformed(let diagnostics), .invalid(let diagnostics):
            return diagnostics.map(\.description).joined(separator: "\n")
        case .unusableSchema(let file, let problems):
            let header = "\(file): error: the schema cannot be used"
            return ([header] + problems.map(\.description)).joined(separator: "\n")
        case .outOfResources(let file):
            return "\(file): error: libxml2 ran out of memory while reading the file"
        }
    }
}
