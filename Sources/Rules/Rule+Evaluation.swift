import Patterns

extension Rule {
    /// Evaluates the rule's conditions, in order, stopping at the first that fails.
    ///
    /// Never throws: a pattern that gives up makes the outcome not matched,
    /// with ``RuleOutcome/failure`` naming the rule and the top-level
    /// condition (of `<when>`) whose pattern gave up.
    public func evaluate(_ facts: MessageFacts, tags: TagList) -> RuleOutcome {
        evaluate(facts, tags: tags, explaining: true)
    }

    /// Whether every condition holds: what ``evaluate(_:tags:explaining:)``
    /// without explaining finds out, without an outcome to build and destroy
    /// (most rules do not match, and their callers need no more).
    ///
    /// - Throws: the ``RuleOutcome/failure`` that evaluation would give.
    public func holds(_ facts: MessageFacts, tags: TagList) throws(RuleEvaluationError) -> Bool {
        for condition in conditions {
            do {
                guard try condition.holds(facts, tags: tags) else { return false }
            } catch {
                throw RuleEvaluationError(ruleID: id, location: condition.location, error: error)
            }
        }
        return true
    }

    /// Evaluates the rule like ``evaluate(_:tags:)``; without `explaining`,
    /// and when no action reads captures, only whether it matched (and why
    /// not, on failure) is found out: ``RuleOutcome/decidedBy`` is nil and
    /// ``RuleOutcome/captures`` is empty. Runs that keep no trace take this path.
    public func evaluate(_ facts: MessageFacts, tags: TagList, explaining: Bool) -> RuleOutcome {
        guard explaining || readsCaptures else {
            do {
                let matched = try holds(facts, tags: tags)
                return RuleOutcome(matched: matched, decidedBy: nil, captures: Captures(), failure: nil)
            } catch {
                return RuleOutcome(matched: false, decidedBy: nil, captures: Captures(), failure: error)
            }
        }
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
