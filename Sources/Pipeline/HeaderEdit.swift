/// A change to the message header that rules ask for; applied when the
/// interaction is delivered, so conditions always see the header as received.
public enum HeaderEdit: Sendable, Hashable, CustomStringConvertible {
    /// Adds a field.
    case add(name: String, value: String)
    /// Replaces every occurrence of a field with one.
    case set(name: String, value: String)
    /// Removes every occurrence of a field.
    case remove(name: String)

    /// `add X-Route: billing`, as traces show it.
    public var description: String {
        switch self {
        case .add(let name, let value): "add-header \(name): \(value)"
        case .set(let name, let value): "set-header \(name): \(value)"
        case .remove(let name): "remove-header \(name)"
        }
    }
}
