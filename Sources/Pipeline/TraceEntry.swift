import XMLDocuments

/// One line of an interaction's trace: what a stage or one of its rules did
/// and why, so a routing designer can see exactly how a queue was chosen.
public struct TraceEntry: Sendable, Hashable, CustomStringConvertible, TextOutputStreamable {
    /// The stage's element name.
    public let stage: String
    /// The rule, when the entry is about one.
    public let ruleID: String?
    /// Where the rule (or the stage) is written.
    public let location: SourceLocation?
    /// Whether the rule matched; nil for entries about the stage itself.
    public let matched: Bool?
    /// The element name of the condition that decided.
    public let decidingElement: String?
    /// Where the condition that decided is written.
    public let decidingLocation: SourceLocation?
    /// Text the rule's regexes captured, group by group.
    public let captured: [String]
    /// The actions taken, in order.
    public let actions: [String]
    /// Anything else worth saying (why a stage was skipped, which queue was chosen).
    public let note: String?

    /// Creates an entry.
    public init(
        stage: String, ruleID: String? = nil, location: SourceLocation? = nil, matched: Bool? = nil,
        decidingElement: String? = nil, decidingLocation: SourceLocation? = nil, captured: [String] = [], actions: [String] = [], note: String? = nil
    ) {
        self.stage = stage
        self.ruleID = ruleID
        self.location = location
        self.matched = matched
        self.decidingElement = decidingElement
        self.decidingLocation = decidingLocation
        self.captured = captured
        self.actions = actions
        self.note = note
    }

    /// The condition that decided, as `<header> at file:line:col`; built on
    /// request so that untraced runs pay nothing for the text.
    public var decidedBy: String? {
        guard let decidingElement, let decidingLocation else { return nil }
        return "<\(decidingElement)> at \(decidingLocation)"
    }

    /// `routing: rule "invoice" (r.xml:9:5) matched, decided by <header> at r.xml:11:7; ...`.
    public var description: String {
        var text = ""
        text.reserveCapacity(160)
        write(to: &text)
        return text
    }

    /// Writes ``description`` piece by piece: the store streams the trace of
    /// every matched rule of every message straight into its sidecar.
    public func write<Target: TextOutputStream>(to target: inout Target) {
        target.write(stage)
        target.write(": ")
        var first = true
        func part(_ head: String) {
            if !first { target.write("; ") }
            target.write(head)
            first = false
        }
        if let ruleID {
            part("rule \"")
            target.write(ruleID)
            target.write("\"")
            if let location {
                target.write(" (")
                target.write(location.description)
                target.write(")")
            }
            if let matched { target.write(matched ? " matched" : " did not match") }
            if let decidingElement, let decidingLocation {
                target.write(", decided by <")
                target.write(decidingElement)
                target.write("> at ")
                target.write(decidingLocation.description)
            }
        }
        if !captured.isEmpty {
            part("captured ")
            for (index, capture) in captured.enumerated() {
                target.write(index == 0 ? "\"" : ", \"")
                target.write(capture)
                target.write("\"")
            }
        }
        if !actions.isEmpty {
            part("actions: ")
            for (index, action) in actions.enumerated() {
                if index > 0 { target.write(", ") }
                target.write(action)
            }
        }
        if let note { part(note) }
    }
}
