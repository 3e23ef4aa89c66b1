/// A status response (RFC 3501 7.1): tagged or untagged OK, NO, BAD, or
/// untagged PREAUTH or BYE, with its response code and human text.
struct StatusResponse: Sendable, Hashable {
    /// The status word.
    enum Condition: String, Sendable, Hashable {
        case ok = "OK", no = "NO", bad = "BAD", preauth = "PREAUTH", bye = "BYE"
    }

    /// The response codes the client acts on; others are kept in `text` only.
    enum Code: Sendable, Hashable {
        case capability(IMAPCapabilities)
        case uidValidity(UInt32)
        case uidNext(UInt32)
        case readOnly
        case alreadyExists
        case other
    }

    var condition: Condition
    var code: Code?
    /// The code as sent and the text, for messages to people.
    var text: String
}

extension ResponseReader {
    /// The condition that the word at `range` names, if any.
    func condition(_ range: Range<Int>) -> StatusResponse.Condition? {
        for condition in [StatusResponse.Condition.ok, .no, .bad, .preauth, .bye] where matches(range, condition.rawValue) {
            return condition
        }
        return nil
    }

    /// The rest of a status response whose condition has been read: an
    /// optional `[code]`, then text to the end of the line. A `{n}` in the
    /// text is text, not a literal (resp-text has none).
    func statusResponse(_ condition: StatusResponse.Condition) throws(IMAPError) -> StatusResponse {
        skipSpaces()
        let textStart = index
        var code: StatusResponse.Code?
        if skip(ASCII.openBracket) {
            code = try responseCode()
        }
        index = textStart
        return StatusResponse(condition: condition, code: code, text: restAsText())
    }

    /// The response code after `[`, up to and including `]`.
    private func responseCode() throws(IMAPError) -> StatusResponse.Code {
        let name = word()
        let context = "the response code \(text(name))"
        let code: StatusResponse.Code
        if matches(name, "CAPABILITY") {
            code = .capability(capabilityAtoms())
        } else if matches(name, "UIDVALIDITY") || matches(name, "UIDNEXT") {
            skipSpaces()
            let value = UInt32(try number(in: context))
            code = matches(name, "UIDNEXT") ? .uidNext(value) : .uidValidity(value)
        } else if matches(name, "READ-ONLY") {
            code = .readOnly
        } else if matches(name, "ALREADYEXISTS") {
            code = .alreadyExists
        } else {
            code = .other
        }
        while index < end && line[index] != ASCII.closeBracket { index += 1 }
        try expect(ASCII.closeBracket, in: context)
        return code
    }

    /// Capability atoms up to the end of the line or a `]`.
    func capabilityAtoms() -> IMAPCapabilities {
        var atoms: [String] = []
        while true {  // each turn consumes a word, or ends
            skipSpaces()
            let range = word()
            guard !range.isEmpty else { break }
            atoms.append(text(range))
        }
        return IMAPCapabilities(atoms)
    }
}
