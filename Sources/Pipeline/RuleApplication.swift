import Rules

/// Evaluates one rule on one interaction, applies its actions when it
/// matches, and writes the trace entry when the context keeps a trace.
/// Shared by the stages that hold rules.
struct RuleApplication {
    /// What applying the rule led to.
    struct Effect {
        var matched = false
        var routed = false
        var stop: StopScope?
    }

    let stage: String
    let context: StageContext

    /// Applies `rule` to `interaction`. Routes are applied only when
    /// `routing` is set (lint refuses them elsewhere).
    func apply(_ rule: Rule, to interaction: inout Interaction, routing: Bool = false) -> Effect {
        let tracing = context.tracing
        let explainsEveryRule = tracing && context.tracesUnmatchedRules
        let facts = context.facts(for: interaction)
        var outcome: RuleOutcome
        if explainsEveryRule || rule.readsCaptures {
            outcome = rule.evaluate(facts, tags: interaction.tags, explaining: explainsEveryRule)
            if tracing && !explainsEveryRule && outcome.matched {
                // The same answer again, now with what decided it and the captures, for the trace.
                outcome = rule.evaluate(facts, tags: interaction.tags, explaining: true)
            }
        } else {
            // Most rules do not match, and one that does not leaves only its
            // failure, if any: find that out without building an outcome.
            do {
                guard try rule.holds(facts, tags: interaction.tags) else { return Effect() }
            } catch {
                interaction.defects.append(error)
                return Effect()
            }
            outcome = tracing
                ? rule.evaluate(facts, tags: interaction.tags, explaining: true)
                : RuleOutcome(matched: true, decidedBy: nil, captures: Captures(), failure: nil)
        }
        var effect = Effect(matched: outcome.matched)
        var taken: [String] = []
        if let failure = outcome.failure { interaction.defects.append(failure) }
        if outcome.matched {
            for action in rule.actions {
                let description = perform(
                    action, outcome.captures, facts, &interaction, &effect, routing: routing, describing: tracing)
                if let description { taken.append(description) }
                if effect.stop != nil { break }
            }
        }
        guard tracing, outcome.matched || context.tracesUnmatchedRules else { return effect }
        let captured = outcome.captures.numbered.dropFirst().map { $0 ?? "" }
            + outcome.captures.named.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        interaction.trace.append(
            TraceEntry(
                stage: stage, ruleID: rule.id, location: rule.location, matched: outcome.matched,
                decidingElement: outcome.decidedBy?.elementName, decidingLocation: outcome.decidedBy?.location,
                captured: captured, actions: taken,
                note: outcome.failure.map { "\($0)" }))
        return effect
    }

    /// Performs `action`; returns what it did, for the trace, when `describing`.
    private func perform(
        _ action: Action, _ captures: Captures, _ facts: MessageFacts, _ interaction: inout Interaction,
        _ effect: inout Effect, routing: Bool, describing: Bool
    ) -> String? {
        func render(_ template: ValueTemplate) -> String { template.render(captures: captures, facts: facts) }
        switch action.kind {
        case .addHeader(let name, let value):
            interaction.headerEdits.append(.add(name: name, value: render(value)))
        case .setHeader(let name, let value):
            interaction.headerEdits.append(.set(name: name, value: render(value)))
        case .removeHeader(let name):
            interaction.headerEdits.append(.remove(name: name))
        case .tag(let name):
            let tag = render(name)
            interaction.tags.insert(tag)
            return describing ? "tag \(tag)" : nil
        case .attribute(let name, let value):
            let text = render(value)
            interaction.attributes[name] = text
            return describing ? "attribute \(name)=\(text)" : nil
        case _ where action.routes && (!routing || effect.routed):
            // Only the first route of the first routing rule decides; lint refuses routes elsewhere.
            guard describing else { return nil }
            return "\(action.elementName) at \(action.location) ignored: the queue is already decided or this is not <routing>"
        case .routeToQueue(let queue):
            interaction.queue = queue
            effect.routed = true
            return describing ? "route queue \(queue)" : nil
        case .routeToEndpoint(let endpoint):
            let queue = context.directory.queue(forEndpoint: endpoint)
            interaction.queue = queue
            effect.routed = true
            return describing ? "route endpoint \(endpoint) -> queue \(queue ?? "none")" : nil
        case .forceDefaultQueue:
            interaction.isForced = true
            let queue = context.directory.defaultQueue(of: interaction.mailbox)
            interaction.queue = queue
            return describing ? "force-default-queue -> queue \(queue ?? "none")" : nil
        case .stop(let scope):
            effect.stop = scope
            if scope == .pipeline { interaction.isStopped = true }
            return describing ? scope == .pipeline ? "stop pipeline" : "stop stage" : nil
        }
        return describing ? interaction.headerEdits.last.map(\.description) ?? action.elementName : nil
    }
}
