import XMLDocuments

/// Collects every problem found while reading rule files, so that a designer
/// sees all of them in one lint run instead of one per attempt.
public struct DiagnosticLog: Sendable {
    /// The problems in the order they were found.
    public private(set) var diagnostics: [RuleDiagnostic] = []

    /// An empty log.
    public init() {}

    /// Whether any problem is an error (warnings alone leave the rules usable).
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// How many errors have been recorded; readers compare it before and
    /// after reading an element to tell whether the element is usable.
    public var errorCount: Int { diagnostics.count { $0.severity == .error } }

    /// Records an error at `location`.
    public mutating func error(_ message: String, at location: SourceLocation) {
        diagnostics.append(RuleDiagnostic(.error, at: location, message))
    }

    /// Records a warning at `location`.
    public mutating func warning(_ message: String, at location: SourceLocation) {
        diagnostics.append(RuleDiagnostic(.warning, at: location, message))
    }

    /// Records diagnostics found elsewhere.
    public mutating func append(contentsOf other: [RuleDiagnostic]) {
        diagnostics.append(contentsOf: other)
    }

    /// The value of a required attribute, or nil after recording an error naming it.
    public mutating func required(_ name: String, of element: XMLElement) -> String? {
        if let value = element[attribute: name] { return value }
        error("<\(element.name)> needs a \(name) attribute", at: element.location)
        return nil
    }

    /// Where attribute `name` of `element` is written, or the element when it is absent.
    public func location(of name: String, in element: XMLElement) -> SourceLocation {
        element.attribute(named: name)?.location ?? element.location
    }

    /// A boolean attribute (`true` or `false`); `fallback` when absent or invalid, the latter reported.
    public mutating func boolean(_ name: String, of element: XMLElement, default fallback: Bool) -> Bool {
        guard let value = element[attribute: name] else { return fallback }
        switch value {
        case "true": return true
        case "false": return false
        default:
            error("\(name) is \"\(value)\"; valid values are true and false", at: location(of: name, in: element))
            return fallback
        }
    }

    /// A whole-number attribute in `range`; `fallback` when absent or invalid, the latter reported.
    public mutating func integer(
        _ name: String, of element: XMLElement, in range: ClosedRange<Int>, default fallback: Int
    ) -> Int {
        guard let text = element[attribute: name] else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            error(
                "\(name) is \(text); valid values are \(range.lowerBound) to \(range.upperBound)",
                at: location(of: name, in: element))
            return fallback
        }
        return value
    }

    /// Reports every attribute of `element` not in `known`; the schema does the
    /// same, but rules can be read without one.
    public mutating func rejectUnknownAttributes(of element: XMLElement, known: Set<String>) {
        for attribute in element.attributes where !known.contains(attribute.name) {
            let list = known.sorted().joined(separator: ", ")
            error(
                "<\(element.name)> has no attribute \(attribute.name); its attributes are \(list)",
                at: attribute.location)
        }
    }
}
