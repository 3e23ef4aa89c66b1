import Pipeline

extension RoutingOutcome {
    /// `{"action", "interactions": [{"queue", "tags", "attributes", "decided_by"}]}`.
    func write(into json: inout JSONText) {
        json.raw("{")
        json.key("action", first: true)
        json.string(action.rawValue)
        json.key("interactions")
        json.array(interactions) { json, routed in
            json.raw("{")
            json.key("queue", first: true)
            json.optionalString(routed.queue)
            json.key("tags")
            json.array(routed.tags) { $0.string($1) }
            json.key("attributes")
            json.array(routed.attributes) { json, attribute in
                json.raw("{")
                json.key("name", first: true)
                json.string(attribute.name)
                json.key("value")
                json.string(attribute.value)
                json.raw("}")
            }
            json.key("decided_by")
            json.string(routed.decidedBy)
            json.raw("}")
        }
        json.raw("}")
    }

    init(json: JSONValue) throws(ReportDecodingError) {
        guard let action = FetchAction(rawValue: try json.string("action")) else {
            throw ReportDecodingError(expected: "\"action\" to be process, leave or delete")
        }
        var interactions: [Routed] = []
        for element in try json.array("interactions") {
            var attributes: [Attribute] = []
            for attribute in try element.array("attributes") {
                attributes.append(Attribute(name: try attribute.string("name"), value: try attribute.string("value")))
            }
            interactions.append(
                Routed(
                    queue: try element.optionalString("queue"), tags: try element.strings("tags"),
                    attributes: attributes, decidedBy: try element.string("decided_by")))
        }
        self.init(action: action, interactions: interactions)
    }
}
