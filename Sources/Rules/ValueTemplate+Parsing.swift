extension ValueTemplate {
    /// Why a template cannot be read.
    public enum ParseProblem: Error, Sendable, Hashable, CustomStringConvertible {
        /// `${` without a closing `}`.
        case unclosed(String)
        /// `${...}` whose content mailroute does not know.
        case unknownReference(String)

        /// A sentence for the person fixing the rule file.
        public var description: String {
            switch self {
            case .unclosed(let text):
                "\"\(text)\" opens ${ without closing it with }"
            case .unknownReference(let reference):
                "${\(reference)} is not a known reference; use ${1}, ${name} (a named group), "
                    + "${header:Field}, ${mailbox}, ${from} or ${message-id}"
            }
        }
    }

    /// Reads `text`, in which `${...}` refers to captures or to the message.
    ///
    /// - Throws: ``ParseProblem`` for an unclosed or unknown reference.
    public static func parse(_ text: String) throws(ParseProblem) -> ValueTemplate {
        var segments: [Segment] = []
        var literal = ""
        var rest = Substring(text)
        while let dollar = rest.firstIndex(of: "$") {
            let afterDollar = rest.index(after: dollar)
            guard afterDollar < rest.endIndex, rest[afterDollar] == "{" else {
                literal += rest[...dollar]
                rest = rest[afterDollar...]
                continue
            }
            literal += rest[..<dollar]
            let inside = rest[rest.index(after: afterDollar)...]
            guard let close = inside.firstIndex(of: "}") else { throw .unclosed(text) }
            if !literal.isEmpty { segments.append(.literal(literal)) }
            literal = ""
            segments.append(try reference(String(inside[..<close])))
            rest = inside[inside.index(after: close)...]
        }
        literal += rest
        if !literal.isEmpty { segments.append(.literal(literal)) }
        return ValueTemplate(segments: segments, source: text)
    }

    private static func reference(_ name: String) throws(ParseProblem) -> Segment {
        switch name {
        case "mailbox": return .mailbox
        case "from": return .from
        case "message-id": return .messageID
        default: break
        }
        if name.hasPrefix("header:") {
            let field = name.dropFirst("header:".count)
            guard !field.isEmpty, field.utf8.allSatisfy({ $0 > 32 && $0 < 127 && $0 != 58 }) else {
                throw .unknownReference(name)
            }
            return .header(String(field))
        }
        if !name.isEmpty, name.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let number = Int(name) {
            return .group(number)
        }
        let isIdentifier = name.utf8.first.map { !($0 >= 48 && $0 <= 57) } ?? false
            && name.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 | 0x20 >= 97 && $0 | 0x20 <= 122) || $0 == 95 }
        guard isIdentifier else { throw .unknownReference(name) }
        return .named(name)
    }
}
