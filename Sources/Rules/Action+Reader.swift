import XMLDocuments

extension Action {
    /// The element names that are actions.
    public static let elementNames: Set<String> = [
        "add-header", "set-header", "remove-header", "tag", "attribute", "route", "force-default-queue", "stop",
    ]

    /// Reads one action element; nil, with every problem recorded, when it cannot be used.
    public static func read(from element: XMLElement, log: inout DiagnosticLog) -> Action? {
        let errorsBefore = log.errorCount
        let action = readKind(from: element, log: &log)
        return log.errorCount == errorsBefore ? action : nil
    }

    private static func readKind(from element: XMLElement, log: inout DiagnosticLog) -> Action? {
        func make(_ kind: Kind?) -> Action? {
            kind.map { Action($0, elementName: element.name, location: element.location) }
        }
        func template(_ name: String) -> ValueTemplate? {
            guard let text = log.required(name, of: element) else { return nil }
            do {
                return try ValueTemplate.parse(text)
            } catch {
                log.error("\(error)", at: log.location(of: name, in: element))
                return nil
            }
        }
        func headerName() -> String? {
            guard let name = log.required("name", of: element) else { return nil }
            guard !name.isEmpty, name.utf8.allSatisfy({ $0 > 32 && $0 < 127 && $0 != 58 }) else {
                log.error("\"\(name)\" is not a header field name", at: log.location(of: "name", in: element))
                return nil
            }
            return name
        }
        switch element.name {
        case "add-header", "set-header":
            log.rejectUnknownAttributes(of: element, known: ["name", "value"])
            let name = headerName(), value = template("value")
            guard let name, let value else { return nil }
            return make(element.name == "add-header" ? .addHeader(name: name, value: value) : .setHeader(name: name, value: value))
        case "remove-header":
            log.rejectUnknownAttributes(of: element, known: ["name"])
            return make(headerName().map { Kind.removeHeader(name: $0) })
        case "tag":
            log.rejectUnknownAttributes(of: element, known: ["name"])
            return make(template("name").map(Kind.tag))
        case "attribute":
            log.rejectUnknownAttributes(of: element, known: ["name", "value"])
            let name = log.required("name", of: element), value = template("value")
            guard let name, let value else { return nil }
            return make(.attribute(name: name, value: value))
        case "route":
            return readRoute(element, log: &log)
        case "force-default-queue":
            log.rejectUnknownAttributes(of: element, known: [])
            return make(.forceDefaultQueue)
        case "stop":
            log.rejectUnknownAttributes(of: element, known: ["scope"])
            let text = element[attribute: "scope"] ?? "stage"
            guard let scope = StopScope(rawValue: text) else {
                log.error("scope is \"\(text)\"; valid values are stage and pipeline", at: log.location(of: "scope", in: element))
                return nil
            }
            return make(.stop(scope))
        default:
            log.error(
                "<\(element.name)> is not an action; actions are "
                    + elementNames.sorted().map { "<\($0)>" }.joined(separator: ", "),
                at: element.location)
            return nil
        }
    }

    private static func readRoute(_ element: XMLElement, log: inout DiagnosticLog) -> Action? {
        log.rejectUnknownAttributes(of: element, known: ["queue", "endpoint"])
        switch (element[attribute: "queue"], element[attribute: "endpoint"]) {
        case (let queue?, nil):
            return Action(.routeToQueue(queue), elementName: element.name, location: element.location)
        case (nil, let endpoint?):
            return Action(.routeToEndpoint(endpoint), elementName: element.name, location: element.location)
        default:
            log.error("<route> needs exactly one of queue and endpoint", at: element.location)
            return nil
        }
    }
}
