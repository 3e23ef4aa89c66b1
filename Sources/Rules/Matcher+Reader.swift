import Patterns
import XMLDocuments

extension Matcher {
    /// The matcher attributes a condition may carry.
    public static let attributeNames: Set<String> = ["regex", "equals", "contains", "starts-with", "ends-with", "flags"]

    /// Reads the one matcher attribute of `element` and its `flags`, compiling
    /// a regex once here. Nil, with the problem recorded, when there is no
    /// matcher, more than one, bad flags, or a pattern that does not compile.
    public static func read(from element: XMLElement, limits: MatchLimits, log: inout DiagnosticLog) -> Matcher? {
        let found = element.attributes.filter { attributeNames.contains($0.name) && $0.name != "flags" }
        guard let attribute = found.first else {
            log.error(
                "<\(element.name)> needs one matcher: regex, equals, contains, starts-with or ends-with",
                at: element.location)
            return nil
        }
        if found.count > 1 {
            let names = found.map(\.name).joined(separator: " and ")
            log.error("<\(element.name)> has \(names); a condition takes exactly one matcher", at: found[1].location)
            return nil
        }
        let flags = element[attribute: "flags"] ?? ""
        let flagsLocation = log.location(of: "flags", in: element)
        if attribute.name == "regex" {
            do {
                let options = try PatternOptions(flags: flags)
                return Matcher(.regex(try Pattern(attribute.value, options: options, limits: limits)))
            } catch {
                if case .compile = error {
                    log.error("\(error)", at: attribute.location)
                } else {
                    log.error("\(error)", at: flagsLocation)
                }
                return nil
            }
        }
        guard flags == "" || flags == "i" else {
            log.error(
                "flags is \"\(flags)\"; a literal \(attribute.name) matcher takes only flags=\"i\" (caseless)",
                at: flagsLocation)
            return nil
        }
        let caseless = flags == "i"
        switch attribute.name {
        case "equals": return Matcher(.equals(attribute.value), caseless: caseless)
        case "contains": return Matcher(.contains(attribute.value), caseless: caseless)
        case "starts-with": return Matcher(.startsWith(attribute.value), caseless: caseless)
        default: return Matcher(.endsWith(attribute.value), caseless: caseless)
        }
    }
}
