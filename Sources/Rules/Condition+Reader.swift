import Patterns
import XMLDocuments

extension Condition {
    /// The element names that are conditions.
    public static let elementNames: Set<String> = [
        "header", "address", "body", "size", "attachment-name", "attachment-type",
        "exists", "mailbox", "tagged", "all", "any", "not",
    ]

    /// The fields an `<address>` condition may read.
    public static let addressFields = [
        "From", "Sender", "Reply-To", "To", "Cc", "Bcc", "Resent-From", "Resent-To", "Resent-Cc",
    ]

    /// Reads one condition element; nil, with every problem recorded, when it cannot be used.
    public static func read(from element: XMLElement, limits: MatchLimits, log: inout DiagnosticLog) -> Condition? {
        let errorsBefore = log.errorCount
        let condition = readKind(from: element, limits: limits, log: &log)
        return log.errorCount == errorsBefore ? condition : nil
    }

    private static func readKind(from element: XMLElement, limits: MatchLimits, log: inout DiagnosticLog) -> Condition? {
        func make(_ kind: Kind?) -> Condition? {
            kind.map { Condition($0, elementName: element.name, location: element.location) }
        }
        func matcher(extra: Set<String> = []) -> Matcher? {
            log.rejectUnknownAttributes(of: element, known: Matcher.attributeNames.union(extra))
            return Matcher.read(from: element, limits: limits, log: &log)
        }
        switch element.name {
        case "header":
            let form = readEnum("value", of: element, default: HeaderValueForm.decoded, log: &log)
            let occurrence = readEnum("occurrence", of: element, default: Occurrence.any, log: &log)
            let name = log.required("name", of: element)
            guard let found = matcher(extra: ["name", "value", "occurrence"]), let name else { return nil }
            return make(.header(name: name, form: form, occurrence: occurrence, matcher: found))
        case "address":
            return readAddress(element, limits: limits, log: &log)
        case "body": return make(matcher().map(Kind.body))
        case "attachment-name": return make(matcher().map(Kind.attachmentName))
        case "attachment-type": return make(matcher().map(Kind.attachmentType))
        case "mailbox": return make(matcher().map(Kind.mailbox))
        case "size": return readSize(element, log: &log)
        case "exists":
            log.rejectUnknownAttributes(of: element, known: ["header"])
            return make(log.required("header", of: element).map { Kind.exists(header: $0) })
        case "tagged":
            log.rejectUnknownAttributes(of: element, known: ["name"])
            return make(log.required("name", of: element).map(Kind.tagged))
        case "all", "any", "not":
            let children = element.children.compactMap { readChild($0, limits: limits, log: &log) }
            guard children.count == element.children.count else { return nil }
            if element.name == "not" {
                guard children.count == 1 else {
                    log.error("<not> takes exactly one condition; it has \(children.count)", at: element.location)
                    return nil
                }
                return make(.not(children[0]))
            }
            return make(element.name == "all" ? .all(children) : .any(children))
        default:
            return nil
        }
    }

    /// Reads a child of a combinator or `<when>`, reporting elements that are not conditions.
    public static func readChild(_ element: XMLElement, limits: MatchLimits, log: inout DiagnosticLog) -> Condition? {
        guard elementNames.contains(element.name) else {
            log.error(
                "<\(element.name)> is not a condition; conditions are "
                    + elementNames.sorted().map { "<\($0)>" }.joined(separator: ", "),
                at: element.location)
            return nil
        }
        return read(from: element, limits: limits, log: &log)
    }

    private static func readAddress(_ element: XMLElement, limits: MatchLimits, log: inout DiagnosticLog) -> Condition? {
        let part = readEnum("part", of: element, default: AddressPart.addrSpec, log: &log)
        let occurrence = readEnum("occurrence", of: element, default: Occurrence.any, log: &log)
        log.rejectUnknownAttributes(of: element, known: Matcher.attributeNames.union(["field", "part", "occurrence"]))
        var fields: [String] = []
        var valid = true
        for name in (log.required("field", of: element) ?? "").split(separator: " ") {
            if let known = addressFields.first(where: { $0.lowercased() == name.lowercased() }) {
                fields.append(known)
            } else {
                valid = false
                log.error(
                    "\"\(name)\" is not an address field; use " + addressFields.joined(separator: " "),
                    at: log.location(of: "field", in: element))
            }
        }
        if element[attribute: "field"] != nil && fields.isEmpty && valid {
            log.error("field names no address field", at: log.location(of: "field", in: element))
            valid = false
        }
        guard let matcher = Matcher.read(from: element, limits: limits, log: &log), valid, !fields.isEmpty else {
            return nil
        }
        let kind = Kind.address(fields: fields, part: part, occurrence: occurrence, matcher: matcher)
        return Condition(kind, elementName: element.name, location: element.location)
    }

    private static func readSize(_ element: XMLElement, log: inout DiagnosticLog) -> Condition? {
        log.rejectUnknownAttributes(of: element, known: ["greater-than", "less-than"])
        var bounds: [Int?] = []
        var valid = true
        for name in ["greater-than", "less-than"] {
            guard let text = element[attribute: name] else {
                bounds.append(nil)
                continue
            }
            guard let bytes = ByteSize.parse(text) else {
                log.error(
                    "\(name) is \"\(text)\"; write a whole number with a unit B, KB or MB, such as 5MB",
                    at: log.location(of: name, in: element))
                valid = false
                bounds.append(nil)
                continue
            }
            bounds.append(bytes)
        }
        guard valid else { return nil }
        guard bounds[0] != nil || bounds[1] != nil else {
            log.error("<size> needs greater-than or less-than", at: element.location)
            return nil
        }
        return Condition(
            .size(greaterThan: bounds[0], lessThan: bounds[1]), elementName: element.name, location: element.location)
    }

    private static func readEnum<Value: RawRepresentable<String>>(
        _ name: String, of element: XMLElement, default fallback: Value, log: inout DiagnosticLog
    ) -> Value {
        guard let text = element[attribute: name] else { return fallback }
        if let value = Value(rawValue: text) { return value }
        log.error("\(name) is \"\(text)\", which <\(element.name)> does not know", at: log.location(of: name, in: element))
        return fallback
    }
}
