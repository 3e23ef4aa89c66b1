import Patterns
import Rules
import XMLDocuments

/// Merges the definitions of every file of a rule set and builds the stages;
/// the loader's working state.
struct RuleSetAssembly {
    var log: DiagnosticLog
    let limits: MatchLimits
    var directory = QueueDirectory()
    var defaultInboundLocation: SourceLocation?
    var mailboxes: [MailboxProfile] = []
    /// Mailboxes whose `endpoint` attribute was written, for the unknown-endpoint check.
    var explicitEndpoints: Set<String> = []
    var ruleSets: [String: [Rule]] = [:]
    var ruleSetLocations: [String: SourceLocation] = [:]
    var ruleSetRules: [Rule] = []
    var stages: [any Stage] = []
    var stageRules: [Rule] = []
    /// The file whose pipeline runs; set before definitions are read.
    var stagesFile: String?

    init(log: DiagnosticLog, limits: MatchLimits) {
        self.log = log
        self.limits = limits
    }

    /// Reads the queues, endpoints, mailboxes and rule sets of `file`.
    mutating func readDefinitions(of file: RuleFile) {
        for element in file.root.children {
            switch element.name {
            case "include": _ = log.required("href", of: element)
            case "queues": readQueues(element)
            case "endpoints":
                for child in element.children {
                    guard expect("endpoint", child, in: element),
                        let endpoint = EndpointDefinition.read(from: child, log: &log)
                    else { continue }
                    if let earlier = directory.endpoints[endpoint.name] {
                        log.error("endpoint \"\(endpoint.name)\" is already defined at \(earlier.location)", at: child.location)
                    } else {
                        directory.endpoints[endpoint.name] = endpoint
                    }
                }
            case "mailbox": readMailbox(element)
            case "rule-set": readRuleSet(element)
            case "pipeline":
                if file.path != stagesFile {
                    log.warning(
                        "this <pipeline> is ignored: only the pipeline of the file named on the command line runs",
                        at: element.location)
                }
            default:
                log.error(
                    "<\(element.name)> cannot be in <rules>; it holds <include>, <queues>, <endpoints>, "
                        + "<mailbox>, <rule-set> and <pipeline>", at: element.location)
            }
        }
    }

    /// Builds the stages of the root file's `<pipeline>`.
    mutating func readPipeline(of root: RuleFile) {
        let pipelines = root.root.children(named: "pipeline")
        guard let pipeline = pipelines.first else {
            log.error(
                "the rule file has no <pipeline>, so no message would be routed; "
                    + "add <pipeline> with the stages to run, such as <routing>", at: root.root.location)
            return
        }
        for extra in pipelines.dropFirst() {
            log.error("a rule file has one <pipeline>; the first is at \(pipeline.location)", at: extra.location)
        }
        var reader = StageReader(log: log, ruleSets: ruleSets, limits: limits)
        var firstOfKind: [String: SourceLocation] = [:]
        for element in pipeline.children {
            guard let kind = StageRegistry.kind(named: element.name) else {
                let names = StageRegistry.kinds.map { "<\($0.elementName)>" }.joined(separator: ", ")
                reader.log.error("<\(element.name)> is not a stage; the stages are \(names)", at: element.location)
                continue
            }
            // Each stage runs once: a second one is almost always two halves of one
            // stage that the designer meant to merge.
            if let first = firstOfKind[element.name] {
                reader.log.error("the pipeline already has a <\(element.name)> stage (\(first)); merge the two", at: element.location)
                continue
            }
            firstOfKind[element.name] = element.location
            if let stage = kind.read(from: element, reader: &reader) { stages.append(stage) }
        }
        log = reader.log
        stageRules = reader.stageRules
    }

    private mutating func readQueues(_ element: XMLElement) {
        log.rejectUnknownAttributes(of: element, known: ["default-inbound"])
        if let inbound = element[attribute: "default-inbound"] {
            if let earlier = defaultInboundLocation {
                log.error("default-inbound is already set at \(earlier)", at: log.location(of: "default-inbound", in: element))
            } else {
                directory.defaultInbound = inbound
                defaultInboundLocation = log.location(of: "default-inbound", in: element)
            }
        }
        for child in element.children {
            guard expect("queue", child, in: element), let queue = QueueDefinition.read(from: child, log: &log) else {
                continue
            }
            if let earlier = directory.queues[queue.name] {
                log.error("queue \"\(queue.name)\" is already defined at \(earlier.location)", at: child.location)
            } else {
                directory.queues[queue.name] = queue
            }
        }
    }

    private mutating func readMailbox(_ element: XMLElement) {
        guard let profile = MailboxProfile.read(from: element, log: &log) else { return }
        if let earlier = mailboxes.first(where: { $0.name == profile.name }) {
            log.error("mailbox \"\(profile.name)\" is already defined at \(earlier.location)", at: element.location)
        } else if let earlier = mailboxes.first(where: { $0.address.normalized == profile.address.normalized }) {
            log.error(
                "mailbox address \(profile.address.normalized) is already used by mailbox \"\(earlier.name)\" "
                    + "at \(earlier.location)", at: log.location(of: "address", in: element))
        } else {
            if element[attribute: "endpoint"] != nil { explicitEndpoints.insert(profile.name) }
            mailboxes.append(profile)
        }
    }

    private mutating func readRuleSet(_ element: XMLElement) {
        log.rejectUnknownAttributes(of: element, known: ["name", "description"])
        guard let name = log.required("name", of: element) else { return }
        var rules: [Rule] = []
        for child in element.children {
            guard expect("rule", child, in: element) else { continue }
            if let rule = Rule.read(from: child, limits: limits, log: &log) { rules.append(rule) }
        }
        if let earlier = ruleSetLocations[name] {
            log.error("rule set \"\(name)\" is already defined at \(earlier)", at: element.location)
            return
        }
        ruleSets[name] = rules
        ruleSetLocations[name] = element.location
        ruleSetRules += rules
    }

    private mutating func expect(_ name: String, _ child: XMLElement, in parent: XMLElement) -> Bool {
        guard child.name == name else {
            log.error("<\(child.name)> cannot be in <\(parent.name)>; it holds <\(name)> elements", at: child.location)
            return false
        }
        return true
    }
}
