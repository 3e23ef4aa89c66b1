import Mailboxes

extension MailboxItem {
    var entry: MailboxEntry? {
        if case .message(let entry) = self { return entry }
        return nil
    }

    var problem: MailboxProblem? {
        if case .problem(let problem) = self { return problem }
        return nil
    }

    /// The message as text, for comparing small fixtures.
    var text: String? { entry.map { String(decoding: $0.bytes, as: UTF8.self) } }
}

/// Everything a reader yields, in order.
func readAll(_ reader: some MailboxReader) -> [MailboxItem] {
    Array(reader)
}
