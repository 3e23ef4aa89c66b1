extension ReportRecord {
    /// One line of a JSON report: `{"changed": {...}}` or `{"bad": {...}}`.
    public func jsonLine() -> [UInt8] {
        var json = JSONText()
        switch self {
        case .changed(let message):
            json.raw("{\"changed\":{")
            Self.writeEntry(message.ordinal, message.position, into: &json)
            json.key("message_id")
            json.optionalString(message.messageID)
            json.key("subject")
            json.optionalString(message.subject)
            json.key("old")
            message.old.write(into: &json)
            json.key("new")
            message.new.write(into: &json)
        case .bad(let entry):
            json.raw("{\"bad\":{")
            Self.writeEntry(entry.ordinal, entry.position, into: &json)
            json.key("kind")
            json.string(entry.kind.rawValue)
            json.key("reason")
            json.string(entry.reason)
        }
        json.raw("}}\n")
        return json.bytes
    }

    private static func writeEntry(_ ordinal: EntryOrdinal, _ position: String, into json: inout JSONText) {
        json.key("entry", first: true)
        json.raw(ordinal.description)
        json.key("position")
        json.string(position)
    }

    /// Reads a record line; nil for a line that is no record (the summary).
    /// - Throws: ``ReportDecodingError`` for a record of the wrong shape.
    public init?(json: JSONValue) throws(ReportDecodingError) {
        if let body = json["changed"] {
            self = .changed(
                ChangedMessage(
                    ordinal: try Self.ordinal(body), position: try body.string("position"),
                    messageID: try body.optionalString("message_id"), subject: try body.optionalString("subject"),
                    old: try RoutingOutcome(json: try body.field("old")), new: try RoutingOutcome(json: try body.field("new"))))
        } else if let body = json["bad"] {
            guard let kind = BadEntry.Kind(rawValue: try body.string("kind")) else {
                throw ReportDecodingError(expected: "\"kind\" to be unreadable or rule-error")
            }
            self = .bad(
                BadEntry(ordinal: try Self.ordinal(body), position: try body.string("position"), kind: kind, reason: try body.string("reason")))
        } else {
            return nil
        }
    }

    private static func ordinal(_ body: JSONValue) throws(ReportDecodingError) -> EntryOrdinal {
        let numbers = try body.array("entry").compactMap(\.integer)
        guard numbers.count == 2, numbers.allSatisfy({ $0 >= 0 }) else {
            throw ReportDecodingError(expected: "\"entry\" to be [source, item]")
        }
        return EntryOrdinal(source: numbers[0], item: numbers[1])
    }
}
