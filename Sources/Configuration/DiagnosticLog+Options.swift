import Rules
import XMLDocuments

/// Readers for the kinds of option value a configuration has beyond the
/// booleans and whole numbers that `Rules` already reads. Each returns the
/// default when the attribute is absent, and reports a value that is wrong
/// with the option, the value and what would be valid.
extension DiagnosticLog {
    /// One of an enumeration's raw values; `fallback` when absent or invalid, the latter reported.
    mutating func choice<Value: RawRepresentable & CaseIterable>(
        _ name: String, of element: XMLElement, default fallback: Value
    ) -> Value where Value.RawValue == String {
        guard let text = element[attribute: name] else { return fallback }
        if let value = Value(rawValue: text) { return value }
        error(
            "\(name) is \"\(text)\"; valid values are \(Self.list(Value.allCases.map(\.rawValue)))",
            at: location(of: name, in: element))
        return fallback
    }

    /// An `hh:mm:ss` duration in `range`; `fallback` when absent or invalid, the latter reported.
    mutating func duration(
        _ name: String, of element: XMLElement, in range: ClosedRange<Duration>, default fallback: Duration
    ) -> Duration {
        guard let text = element[attribute: name] else { return fallback }
        let at = location(of: name, in: element)
        guard let value = ClockDuration.parse(text) else {
            error(
                "\(name) is \"\(text)\"; write a duration as hh:mm:ss, such as \(ClockDuration.format(fallback))",
                at: at)
            return fallback
        }
        guard range.contains(value) else {
            let lower = ClockDuration.format(range.lowerBound), upper = ClockDuration.format(range.upperBound)
            error("\(name) is \(text); valid values are \(lower) to \(upper)", at: at)
            return fallback
        }
        return value
    }

    /// A text option that, when written, must not be empty; nil when absent or empty, the latter reported.
    mutating func nonEmpty(_ name: String, of element: XMLElement) -> String? {
        guard let text = element[attribute: name] else { return nil }
        if text.isEmpty {
            error("\(name) is empty; leave it out or give it a value", at: location(of: name, in: element))
            return nil
        }
        return text
    }

    /// `a`, `a and b`, `a, b and c`.
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }
}
