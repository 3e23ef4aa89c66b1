import Rules
import XMLDocuments

extension RuleSetAssembly {
    /// The checks that need the whole set: names, references, placement.
    mutating func lint(root: RuleFile) {
        checkRuleIDs()
        checkStagePlacement()
        checkQueueReferences()
        checkMailboxes(root: root)
    }

    private mutating func checkRuleIDs() {
        var first: [String: SourceLocation] = [:]
        for rule in ruleSetRules + stageRules {
            if let earlier = first[rule.id] {
                log.error("rule id \"\(rule.id)\" is already used at \(earlier); rule ids must be unique", at: rule.location)
            } else {
                first[rule.id] = rule.location
            }
        }
    }

    /// Routes outside `<routing>`, and rules after an unconditional `<stop/>` rule.
    private mutating func checkStagePlacement() {
        for stage in stages {
            let name = type(of: stage).elementName
            var stopper: Rule?
            for rule in stage.rules {
                if let stopper {
                    log.warning(
                        "rule \"\(rule.id)\" is never reached in <\(name)>: rule \"\(stopper.id)\" at "
                            + "\(stopper.location) has no conditions and stops", at: rule.location)
                }
                if stopper == nil, rule.isUnconditional,
                    rule.actions.contains(where: { if case .stop = $0.kind { true } else { false } })
                {
                    stopper = rule
                }
                guard !(stage is RoutingStage) else { continue }
                for action in rule.actions where action.routes {
                    log.error(
                        "<route> in rule \"\(rule.id)\" runs in <\(name)> at \(stage.location); "
                            + "only rules in <routing> can route (use <force-default-queue/> or a tag here)",
                        at: action.location)
                }
            }
        }
    }

    private mutating func checkQueueReferences() {
        if let inbound = directory.defaultInbound, let location = defaultInboundLocation {
            requireQueue(inbound, at: location, what: "default-inbound")
        }
        for endpoint in directory.endpoints.values.sorted(by: { $0.location.line < $1.location.line }) {
            requireQueue(endpoint.queue, at: endpoint.location, what: "endpoint \"\(endpoint.name)\"")
        }
        for rule in ruleSetRules + stageRules {
            for action in rule.actions {
                switch action.kind {
                case .routeToQueue(let queue):
                    requireQueue(queue, at: action.location, what: "<route> of rule \"\(rule.id)\"")
                case .routeToEndpoint(let endpoint) where directory.endpoints[endpoint] == nil:
                    log.error(
                        "endpoint \"\(endpoint)\" is not defined; " + known(directory.endpoints.keys, "endpoints"),
                        at: action.location)
                default: break
                }
            }
        }
    }

    private mutating func checkMailboxes(root: RuleFile) {
        if mailboxes.isEmpty {
            log.error(
                "the rules define no <mailbox>; every message needs a mailbox profile for its default queue",
                at: root.root.location)
        }
        for mailbox in mailboxes {
            if let queue = mailbox.defaultQueue {
                requireQueue(queue, at: mailbox.location, what: "default-queue of mailbox \"\(mailbox.name)\"")
                continue
            }
            if explicitEndpoints.contains(mailbox.name) && directory.endpoints[mailbox.endpoint] == nil {
                log.warning(
                    "endpoint \"\(mailbox.endpoint)\" of mailbox \"\(mailbox.name)\" is not defined; its messages go to "
                        + (directory.queue(forEndpoint: mailbox.endpoint).map { "queue \"\($0)\"" } ?? "no queue"),
                    at: mailbox.location)
            }
            if directory.defaultQueue(of: mailbox) == nil {
                let endpoints =
                    mailbox.endpoint == "default"
                    ? "the endpoint \"default\" is not defined"
                    : "neither its endpoint \"\(mailbox.endpoint)\" nor the endpoint \"default\" is defined"
                log.error(
                    "mailbox \"\(mailbox.name)\" has nowhere to route: it has no default-queue, \(endpoints), "
                        + "and <queues> has no default-inbound", at: mailbox.location)
            }
        }
    }

    private mutating func requireQueue(_ name: String, at location: SourceLocation, what: String) {
        guard directory.queues[name] == nil else { return }
        log.error("\(what) names queue \"\(name)\", which is not defined; " + known(directory.queues.keys, "queues"), at: location)
    }

    private func known(_ names: Dictionary<String, some Any>.Keys, _ what: String) -> String {
        names.isEmpty ? "no \(what) are defined" : "the \(what) are " + names.sorted().joined(separator: ", ")
    }
}
