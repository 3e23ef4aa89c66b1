/// The kind of an untagged response (`* ...`), read from its first words;
/// the reader is left after them.
enum Untagged: Sendable, Hashable {
    /// `* n FETCH`, with the message sequence number.
    case fetch(UInt32)
    /// `* n EXISTS`.
    case exists(UInt32)
    /// `* n EXPUNGE`.
    case expunge(UInt32)
    /// `* OK`, `* NO`, `* BAD`, `* PREAUTH`, `* BYE`.
    case status(StatusResponse.Condition)
    /// `* CAPABILITY`.
    case capability
    /// `* SEARCH`.
    case search
    /// `* LIST`.
    case list
    /// Anything else (RECENT, FLAGS, STATUS, ENABLED, ...), skipped.
    case other
}

extension ResponseReader {
    /// The kind of the untagged response whose `* ` has been read.
    func untagged() throws(IMAPError) -> Untagged {
        if let first = peek(), ASCII.digit(first) != nil {
            let number = UInt32(try number(in: "an untagged response"))
            try expect(ASCII.space, in: "an untagged response")
            let name = word()
            if matches(name, "FETCH") { return .fetch(number) }
            if matches(name, "EXISTS") { return .exists(number) }
            if matches(name, "EXPUNGE") { return .expunge(number) }
            return .other
        }
        let name = word()
        if let condition = condition(name) { return .status(condition) }
        if matches(name, "CAPABILITY") { return .capability }
        if matches(name, "SEARCH") { return .search }
        if matches(name, "LIST") { return .list }
        return .other
    }
}
