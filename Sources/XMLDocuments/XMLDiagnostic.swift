/// One problem found in an XML file, tied to the place it was found.
///
/// Its description is `file:line:column: error: message`, ready to be printed
/// for the person who must fix the file.
public struct XMLDiagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Hashable {
        /// The file was still usable.
        case warning
        /// The file cannot be used as it is.
        case error
    }

    /// Where the problem is.
    public let location: SourceLocation
    /// Whether the file could still be used.
    public let severity: Severity
    /// What is wrong, in one line.
    public let message: String

    /// Creates a diagnostic.
    public init(location: SourceLocation, severity: Severity = .error, message: String) {
        self.location = location
        self.severity = severity
        self.message = message
    }

    /// `file:line:column: severity: message`.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}
