/// Why the service cannot start.
public enum ServiceError: Error, Sendable, CustomStringConvertible {
    /// The rules or the configuration have errors; `problems` are lint's lines.
    case unusable(what: String, path: String, problems: [String])
    /// The queue store directory cannot be used.
    case storeUnusable(path: String, reason: String)
    /// No mailbox has `enable-client="true"`.
    case noMailboxEnabled(path: String)

    /// What went wrong, for the operator.
    public var description: String {
        switch self {
        case .unusable(let what, let path, let problems):
            return (["\(path) has errors; the \(what) cannot be used"] + problems).joined(separator: "\n")
        case .storeUnusable(let path, let reason):
            return "cannot use the queue store at \(path): \(reason)"
        case .noMailboxEnabled(let path):
            return "\(path): no mailbox has enable-client=\"true\"; nothing to poll"
        }
    }
}
