/// Why the service cannot start, or why one mailbox's cycle failed.
public enum ServiceError: Error, Sendable, CustomStringConvertible {
    /// The rule files have errors; `diagnostics` are lint's lines.
    case rulesUnusable(path: String, diagnostics: [String])

    /// What went wrong, for the operator.
    public var description: String {
        switch self {
        case .rulesUnusable(let path, let diagnostics):
            return "\(path): the rules have errors and cannot be used\n" + diagnostics.joined(separator: "\n")
        }
    }
}
