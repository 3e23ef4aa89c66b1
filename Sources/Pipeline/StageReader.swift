import Patterns
import Rules
import XMLDocuments

/// What stage readers share: the diagnostics, the named rule sets that
/// `<use rule-set>` refers to, and the match limits for patterns.
public struct StageReader: Sendable {
    /// Problems found so far.
    public var log: DiagnosticLog
    /// Rule sets by name, from every file of the set.
    public let ruleSets: [String: [Rule]]
    /// Limits applied to every pattern.
    public let limits: MatchLimits
    /// Rules written directly in stages, for the duplicate-id check.
    public private(set) var stageRules: [Rule] = []

    /// A reader over the given rule sets.
    public init(log: DiagnosticLog = DiagnosticLog(), ruleSets: [String: [Rule]] = [:], limits: MatchLimits = .standard) {
        self.log = log
        self.ruleSets = ruleSets
        self.limits = limits
    }

    /// The rules of a stage element: its `<rule>` children and the rules of
    /// each `<use rule-set>`, in the order written.
    public mutating func rules(in element: XMLElement) -> [Rule] {
        var rules: [Rule] = []
        for child in element.children {
            switch child.name {
            case "rule":
                if let rule = Rule.read(from: child, limits: limits, log: &log) {
                    rules.append(rule)
                    stageRules.append(rule)
                }
            case "use":
                log.rejectUnknownAttributes(of: child, known: ["rule-set"])
                guard let name = log.required("rule-set", of: child) else { continue }
                if let set = ruleSets[name] {
                    rules += set
                } else {
                    let known = ruleSets.keys.sorted().joined(separator: ", ")
                    log.error(
                        "rule set \"\(name)\" is not defined; "
                            + (known.isEmpty ? "no <rule-set> is defined" : "the rule sets are \(known)"),
                        at: log.location(of: "rule-set", in: child))
                }
            default:
                log.error("<\(child.name)> cannot be in <\(element.name)>; a stage holds <rule> and <use>", at: child.location)
            }
        }
        return rules
    }

    /// Reports content in a stage that takes none.
    public mutating func expectEmpty(_ element: XMLElement) {
        log.rejectUnknownAttributes(of: element, known: [])
        for child in element.children {
            log.error("<\(element.name)> takes no content; remove <\(child.name)>", at: child.location)
        }
    }
}
