import Patterns
import XMLDocuments

extension Rule {
    /// Reads a `<rule>` element; nil, with every problem recorded, when it cannot be used.
    public static func read(from element: XMLElement, limits: MatchLimits = .standard, log: inout DiagnosticLog) -> Rule? {
        let errorsBefore = log.errorCount
        log.rejectUnknownAttributes(of: element, known: ["id", "description"])
        let id = log.required("id", of: element)
        var usable = true
        var conditions: [Condition] = []
        var actions: [Action] = []
        var seen: Set<String> = []
        for child in element.children {
            if !seen.insert(child.name).inserted && (child.name == "when" || child.name == "do") {
                log.error("a rule takes one <\(child.name)>; merge the two", at: child.location)
                usable = false
            }
            switch child.name {
            case "when":
                for item in child.children {
                    if let condition = Condition.readChild(item, limits: limits, log: &log) {
                        conditions.append(condition)
                    } else {
                        usable = false
                    }
                }
            case "do":
                for item in child.children {
                    if let action = Action.read(from: item, log: &log) { actions.append(action) } else { usable = false }
                }
            default:
                log.error("<\(child.name)> cannot be in a <rule>; a rule holds <when> and <do>", at: child.location)
                usable = false
            }
        }
        guard let id, usable, log.errorCount == errorsBefore else { return nil }
        let rule = Rule(
            id: id, description: element[attribute: "description"], conditions: conditions, actions: actions,
            location: element.location)
        return rule.checkingReferences(log: &log) ? rule : nil
    }

    /// Checks that every `${1}` and `${name}` in the actions refers to a group of the rule's regexes.
    private func checkingReferences(log: inout DiagnosticLog) -> Bool {
        let patterns = self.patterns
        let groupCount = patterns.map(\.captureCount).max() ?? 0
        let names = Set(patterns.flatMap(\.captureNames))
        var valid = true
        for action in actions {
            for template in action.templates {
                for segment in template.segments {
                    switch segment {
                    case .group(let number) where number > groupCount:
                        log.error(
                            "${\(number)} is not a known reference: the regexes of rule \"\(id)\" have "
                                + "\(groupCount) capture group\(groupCount == 1 ? "" : "s")",
                            at: action.location)
                        valid = false
                    case .named(let name) where !names.contains(name):
                        log.error(
                            "${\(name)} is not a known reference: no regex of rule \"\(id)\" has a group named \(name)",
                            at: action.location)
                        valid = false
                    default: break
                    }
                }
            }
        }
        return valid
    }
}
