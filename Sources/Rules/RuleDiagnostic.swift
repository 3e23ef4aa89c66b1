import XMLDocuments

/// One problem found in a rule file, located where the person must fix it.
///
/// Its description is the compiler-style line `file:line:col: error: text`
/// that `mailroute lint` prints and editors can jump to.
public struct RuleDiagnostic: Sendable, Hashable, CustomStringConvertible, Comparable {
    /// How serious a problem is: errors stop the rules from being used, warnings do not.
    public enum Severity: String, Sendable, Hashable {
        /// The rules cannot be used until it is fixed.
        case error
        /// The rules work, but probably not as the designer meant.
        case warning
    }

    /// Where the problem is: the element or attribute that needs changing.
    public let location: SourceLocation
    /// Whether the rules can still be used.
    public let severity: Severity
    /// What is wrong and, where possible, what would be right.
    public let message: String

    /// Creates a diagnostic.
    public init(_ severity: Severity, at location: SourceLocation, _ message: String) {
        self.location = location
        self.severity = severity
        self.message = message
    }

    /// Wraps a problem reported by the XML reader or the schema.
    public init(_ diagnostic: XMLDiagnostic) {
        self.init(diagnostic.severity == .warning ? .warning : .error, at: diagnostic.location, diagnostic.message)
    }

    /// `file:line:col: error: text`.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }

    /// Orders by file, line, column, errors before warnings, then message: the order `lint` prints in.
    public static func < (lhs: RuleDiagnostic, rhs: RuleDiagnostic) -> Bool {
        let left = lhs.location, right = rhs.location
        if left.file != right.file { return left.file < right.file }
        if left.line != right.line { return left.line < right.line }
        if left.column != right.column { return left.column < right.column }
        if lhs.severity != rhs.severity { return lhs.severity == .error }
        return lhs.message < rhs.message
    }
}
