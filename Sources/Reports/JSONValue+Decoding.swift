/// Throwing accessors for reading report lines, each naming the key it wanted.
extension JSONValue {
    func field(_ key: String) throws(ReportDecodingError) -> JSONValue {
        guard let value = self[key] else { throw ReportDecodingError(expected: "a key \"\(key)\"") }
        return value
    }

    func string(_ key: String) throws(ReportDecodingError) -> String {
        guard let text = try field(key).string else { throw ReportDecodingError(expected: "\"\(key)\" to be a string") }
        return text
    }

    func optionalString(_ key: String) throws(ReportDecodingError) -> String? {
        let value = try field(key)
        if value.isNull { return nil }
        guard let text = value.string else { throw ReportDecodingError(expected: "\"\(key)\" to be a string or null") }
        return text
    }

    func integer(_ key: String) throws(ReportDecodingError) -> Int {
        guard let number = try field(key).integer, number >= 0 else {
            throw ReportDecodingError(expected: "\"\(key)\" to be a whole number, 0 or more")
        }
        return number
    }

    func array(_ key: String) throws(ReportDecodingError) -> [JSONValue] {
        guard let elements = try field(key).array else { throw ReportDecodingError(expected: "\"\(key)\" to be an array") }
        return elements
    }

    func counts(_ key: String) throws(ReportDecodingError) -> [String: Int] {
        guard let members = try field(key).members else { throw ReportDecodingError(expected: "\"\(key)\" to be an object") }
        var counts: [String: Int] = [:]
        for member in members {
            guard let number = member.value.integer, number >= 0 else {
                throw ReportDecodingError(expected: "\"\(key)\".\"\(member.key)\" to be a whole number, 0 or more")
            }
            counts[member.key] = number
        }
        return counts
    }

    func strings(_ key: String) throws(ReportDecodingError) -> [String] {
        var texts: [String] = []
        for element in try array(key) {
            guard let text = element.string else { throw ReportDecodingError(expected: "\"\(key)\" to hold strings") }
            texts.append(text)
        }
        return texts
    }
}

extension JSONText {
    /// An object of counts, keys sorted, so the output never depends on hashing.
    mutating func counts(_ counts: [String: Int]) {
        raw("{")
        for (index, entry) in counts.sorted(by: { $0.key < $1.key }).enumerated() {
            key(entry.key, first: index == 0)
            raw(String(entry.value))
        }
        raw("}")
    }
}
