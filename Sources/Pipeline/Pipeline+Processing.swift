import MessageModel
import Rules

extension Pipeline {
    /// Runs `message` through every stage and decides its interactions.
    ///
    /// Never fails and does no I/O. A pattern that gives up makes its rule
    /// not match and leaves a defect on the interaction.
    ///
    /// - Parameters:
    ///   - message: read with at least ``messageScope``.
    ///   - mailbox: the profile the message came through; nil picks one with ``mailbox(for:)``.
    ///   - reportedSize: the size the server reported, when it did (negative: unknown);
    ///     by default the size of `message`.
    public func process(message: Message, mailbox: MailboxProfile? = nil, reportedSize: Int? = nil) -> Decision {
        guard let profile = mailbox ?? self.mailbox(for: message) else {
            return Decision(mailbox: "", fetchAction: .leave, interactions: [], checksDuplicateMessageID: true)
        }
        let context = StageContext(directory: directory, reportedSize: reportedSize)
        var interactions = [Interaction(message: message, mailbox: profile)]
        for stage in stages {
            let output = stage.run(interactions, context: context)
            if let action = output.fetchAction {
                return Decision(
                    mailbox: profile.name, fetchAction: action, interactions: [],
                    checksDuplicateMessageID: !profile.copyMessageToRecipients,
                    decodingDefects: context.decodingDefects)
            }
            interactions = output.interactions
        }
        let defaultQueue = directory.defaultQueue(of: profile)
        for index in interactions.indices {
            if interactions[index].isForced {
                interactions[index].queue = defaultQueue
            } else if interactions[index].queue == nil {
                interactions[index].queue = defaultQueue
                interactions[index].trace.append(
                    TraceEntry(stage: "pipeline", note: "no queue decided; the mailbox's default queue \(defaultQueue ?? "none")"))
            }
        }
        return Decision(
            mailbox: profile.name, fetchAction: .process, interactions: interactions,
            checksDuplicateMessageID: !profile.copyMessageToRecipients, decodingDefects: context.decodingDefects)
    }

    /// Like ``process(message:mailbox:reportedSize:)`` with the profile named `mailboxName`
    /// (nil or unknown picks one with ``mailbox(for:)``).
    public func process(message: Message, mailboxName: String?, reportedSize: Int? = nil) -> Decision {
        process(message: message, mailbox: mailboxName.flatMap { mailbox(named: $0) }, reportedSize: reportedSize)
    }
}
