import Patterns

extension Rule {
    /// Evaluates the rule's conditions, in order, stopping at the first that fails.
    ///
    /// Never throws: a pattern that gives up makes the outcome not matched,
    /// with ``RuleOutcome/failure`` naming the rule and the top-level
    /// condition (of `<when>`) whose pattern gave up.
    public func evaluate(_ facts: MessageFacts, tags: TagList) -> RuleOutcome {
        var captures = Captures()
        var last: ConditionResult?
        for condition in conditions {
            let result: ConditionResult
            do {
                result = try condition.evaluate(facts, tags: tags)
            } catch {
                let failure = RuleEvaluationError(ruleID: id, location: condition.location, error: error)
                return RuleOutcome(matched: false, decidedBy: nil, captures: Captures(), failure: failure)
            }
            guard result.holds else {
                return RuleOutcome(matched: false, decidedBy: result.decidedBy, captures: Captures(), failure: nil)
            }
            captures.merge(result.captures)
            last = result
        }
        return RuleOutcome(matched: true, decidedBy: last?.decidedBy, captures: captures, failure: nil)
    }
}
