import MessageModel
import Patterns

extension Condition {
    /// Evaluates the condition against `facts` for an interaction carrying `tags`.
    ///
    /// - Throws: the ``PatternError`` of a regex that gave up (match limit) or failed.
    public func evaluate(_ facts: MessageFacts, tags: TagList) throws(PatternError) -> ConditionResult {
        var captures = Captures()
        switch kind {
        case .header(_, let form, let occurrence, let matcher):
            let values = form == .decoded ? facts.decodedValues(key: fieldKeys[0]) : facts.rawValues(key: fieldKeys[0])
            return try result(candidates(values, occurrence, matcher, &captures), captures)
        case .address(_, let part, let occurrence, let matcher):
            let values = facts.addressTexts(keys: fieldKeys, part: part)
            return try result(candidates(values, occurrence, matcher, &captures), captures)
        case .body(let matcher):
            return try result(candidates([facts.bodyText], .any, matcher, &captures), captures)
        case .size(let greaterThan, let lessThan):
            let holds = (greaterThan.map { facts.size > $0 } ?? true) && (lessThan.map { facts.size < $0 } ?? true)
            return result(holds, captures)
        case .attachmentName(let matcher):
            let names = facts.attachments.compactMap(\.filename)
            return try result(candidates(names, .any, matcher, &captures), captures)
        case .attachmentType(let matcher):
            let types = facts.attachments.map(\.contentType.mimeType)
            return try result(candidates(types, .any, matcher, &captures), captures)
        case .exists:
            return result(facts.hasHeader(key: fieldKeys[0]), captures)
        case .mailbox(let matcher):
            return try result(candidates([facts.mailbox], .any, matcher, &captures), captures)
        case .tagged(let name):
            return result(tags.contains(name), captures)
        case .all(let conditions):
            return try Self.all(conditions, facts: facts, tags: tags) ?? result(true, captures)
        case .any(let conditions):
            for condition in conditions {
                let inner = try condition.evaluate(facts, tags: tags)
                if inner.holds { return inner }
            }
            return result(false, captures)
        case .not(let condition):
            let inner = try condition.evaluate(facts, tags: tags)
            return ConditionResult(holds: !inner.holds, decidedBy: inner.decidedBy, captures: Captures())
        }
    }

    /// Evaluates `conditions` in order until one fails; the result of the
    /// failing one, or of the last one with every capture merged; nil when empty.
    static func all(_ conditions: [Condition], facts: MessageFacts, tags: TagList) throws(PatternError)
        -> ConditionResult?
    {
        var captures = Captures()
        var last: ConditionResult?
        for condition in conditions {
            let inner = try condition.evaluate(facts, tags: tags)
            guard inner.holds else { return inner }
            captures.merge(inner.captures)
            last = inner
        }
        return last.map { ConditionResult(holds: true, decidedBy: $0.decidedBy, captures: captures) }
    }

    private func result(_ holds: Bool, _ captures: Captures) -> ConditionResult {
        ConditionResult(holds: holds, decidedBy: self, captures: holds ? captures : Captures())
    }

    private func candidates(
        _ values: [String], _ occurrence: Occurrence, _ matcher: Matcher, _ captures: inout Captures
    ) throws(PatternError) -> Bool {
        guard !values.isEmpty else { return false }
        for value in values {
            if let found = try matcher.match(value) {
                if let match = found.match { captures.record(match) }
                if occurrence == .any { return true }
            } else if occurrence == .all {
                return false
            }
        }
        return occurrence == .all
    }
}
