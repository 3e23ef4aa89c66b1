extension ReportHeader {
    /// The report format's name, in every header line.
    public static let formatName = "mailroute-reprocess"
    /// The report format's version.
    public static let formatVersion = 1

    /// The first line of a JSON report.
    public func jsonLine() -> [UInt8] {
        var json = JSONText()
        json.raw("{")
        json.key("report", first: true)
        json.string(Self.formatName)
        json.key("version")
        json.raw(String(Self.formatVersion))
        json.key("rules")
        Self.write(rules, into: &json)
        json.key("compare")
        if let compare { Self.write(compare, into: &json) } else { json.raw("null") }
        json.key("mailbox")
        json.optionalString(mailbox)
        json.key("sources")
        json.array(sources) { $0.string($1) }
        json.key("shard")
        json.optionalString(shard?.description)
        json.raw("}\n")
        return json.bytes
    }

    private static func write(_ reference: RuleSetReference, into json: inout JSONText) {
        json.raw("{")
        json.key("path", first: true)
        json.string(reference.path)
        json.key("identity")
        json.string(reference.identity)
        json.raw("}")
    }

    /// Reads the first line of a JSON report.
    /// - Throws: ``ReportDecodingError`` for another format, version or shape.
    public init(json: JSONValue) throws(ReportDecodingError) {
        guard json["report"]?.string == Self.formatName else {
            throw ReportDecodingError(expected: "a first line with \"report\":\"\(Self.formatName)\"")
        }
        guard json["version"]?.integer == Self.formatVersion else {
            throw ReportDecodingError(expected: "\"version\":\(Self.formatVersion), the version this mailroute writes")
        }
        func reference(_ value: JSONValue) throws(ReportDecodingError) -> RuleSetReference {
            RuleSetReference(path: try value.string("path"), identity: try value.string("identity"))
        }
        let compare = try json.field("compare")
        var shard: ShardSpec?
        if let text = try json.optionalString("shard") {
            do { shard = try ShardSpec(text) } catch { throw ReportDecodingError(expected: "\"shard\" to be I/N") }
        }
        self.init(
            rules: try reference(try json.field("rules")),
            compare: compare.isNull ? nil : try reference(compare),
            mailbox: try json.optionalString("mailbox"), sources: try json.strings("sources"), shard: shard)
    }
}
