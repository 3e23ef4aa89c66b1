import Patterns

extension Rule {
    /// Evaluates the rule's conditions, in order, stopping at the first that fails.
    ///
    /// Never throws: a pattern that gives up makes the outcome not matched,
    /// with ``RuleOutcome/failure`` naming the rule and the condition.
    public func evaluate(_ facts: MessageFacts, tags: TagList) -> RuleOutcome {
        do {
            guard let result = try Condition.all(conditions, facts: facts, tags: tags) else {
                return RuleOutcome(matched: true, decidedBy: nil, captures: Captures(), failure: nil)
            }
            return RuleOutcome(matched: result.holds, decidedBy: result.decidedBy, captures: result.captures, failure: nil)
        } catch {
            let location = failingCondition(facts: facts, tags: tags)?.location ?? self.location
            let failure = RuleEvaluationError(ruleID: id, location: location, error: error)
            return RuleOutcome(matched: false, decidedBy: nil, captures: Captures(), failure: failure)
        }
    }

    /// The top-level condition whose evaluation throws, found again only on
    /// the rare failure path so the common path carries no bookkeeping.
    private func failingCondition(facts: MessageFacts, tags: TagList) -> Condition? {
        for condition in conditions {
            do {
                guard try condition.evaluate(facts, tags: tags).holds else { return nil }
            } catch {
                return condition
            }
        }
        return nil
    }
}
