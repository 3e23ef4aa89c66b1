import Patterns

extension Condition {
    /// Whether the condition holds for an interaction carrying `tags`: the
    /// answer of ``evaluate(_:tags:)`` without what explains it, so no
    /// captures are kept and no result is built. For runs that keep no trace.
    ///
    /// - Throws: the ``PatternError`` of a regex that gave up (match limit) or failed.
    public func holds(_ facts: MessageFacts, tags: TagList) throws(PatternError) -> Bool {
        switch kind {
        case .header(_, let form, let occurrence, let matcher):
            let values = form == .decoded ? facts.decodedValues(key: fieldKeys[0]) : facts.rawValues(key: fieldKeys[0])
            return try Self.holds(values, occurrence, matcher)
        case .address(_, let part, let occurrence, let matcher):
            return try Self.holds(facts.addressTexts(keys: fieldKeys, part: part), occurrence, matcher)
        case .body(let matcher):
            return try matcher.matches(facts.bodyText)
        case .size(let greaterThan, let lessThan):
            return (greaterThan.map { facts.size > $0 } ?? true) && (lessThan.map { facts.size < $0 } ?? true)
        case .attachmentName(let matcher):
            return try Self.holds(facts.attachments.compactMap(\.filename), .any, matcher)
        case .attachmentType(let matcher):
            return try Self.holds(facts.attachments.map(\.contentType.mimeType), .any, matcher)
        case .exists:
            return facts.hasHeader(key: fieldKeys[0])
        case .mailbox(let matcher):
            return try matcher.matches(facts.mailbox)
        case .tagged(let name):
            return tags.contains(name)
        case .all(let conditions):
            for condition in conditions where !(try condition.holds(facts, tags: tags)) { return false }
            return true
        case .any(let conditions):
            for condition in conditions where try condition.holds(facts, tags: tags) { return true }
            return false
        case .not(let condition):
            return !(try condition.holds(facts, tags: tags))
        }
    }

    /// Whether any (or, with `.all`, every) value matches; false without values.
    private static func holds(_ values: [String], _ occurrence: Occurrence, _ matcher: Matcher) throws(PatternError) -> Bool {
        guard !values.isEmpty else { return false }
        for value in values {
            let matched = try matcher.matches(value)
            if matched && occurrence == .any { return true }
            if !matched && occurrence == .all { return false }
        }
        return occurrence == .all
    }
}
