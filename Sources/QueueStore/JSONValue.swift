/// A parsed JSON value, as the store reads its own sidecars back.
enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// Integers only: the store writes no fractions.
    case integer(Int64)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { members[key] } else { nil }
    }

    var stringValue: String? {
        if case .string(let text) = self { text } else { nil }
    }

    var integerValue: Int64? {
        if case .integer(let value) = self { value } else { nil }
    }

    var boolValue: Bool? {
        if case .bool(let value) = self { value } else { nil }
    }

    var arrayValue: [JSONValue]? {
        if case .array(let items) = self { items } else { nil }
    }
}
