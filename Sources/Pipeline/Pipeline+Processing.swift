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
    ///   - tracing: whether each interaction gets its trace; without it the
    ///     decision is the same and costs less.
    ///   - unmatchedRules: whether the trace has entries for rules that did
    ///     not match; without them it has what a stored sidecar keeps (matching
    ///     rules and stage notes, exactly as a full trace has them) and costs little more than none.
    public func process(
        message: Message, mailbox: MailboxProfile? = nil, reportedSize: Int? = nil, tracing: Bool = true,
        unmatchedRules: Bool = true
    ) -> Decision {
        let trace = TraceScope(tracing: tracing, unmatchedRules: unmatchedRules)
        if let mailbox { return decide(message, profile: mailbox, reportedSize: reportedSize, trace: trace) }
        return decide(message, profileIndex: profileIndex(for: message), reportedSize: reportedSize, trace: trace)
    }

    /// Like ``process(message:mailbox:reportedSize:tracing:unmatchedRules:)`` with the profile named `mailboxName`
    /// (nil or unknown picks one with ``mailbox(for:)``).
    ///
    /// - Parameter sharing: facts another pipeline decoded for the same
    ///   message, used where they fit (see ``SharedFacts``); the decision is
    ///   the same with or without them.
    public func process(
        message: Message, mailboxName: String?, reportedSize: Int? = nil, tracing: Bool = true, unmatchedRules: Bool = true,
        sharing: SharedFacts? = nil
    ) -> Decision {
        let index = mailboxName.flatMap { profileIndex(named: $0) } ?? profileIndex(for: message)
        let trace = TraceScope(tracing: tracing, unmatchedRules: unmatchedRules)
        return decide(message, profileIndex: index, reportedSize: reportedSize, trace: trace, sharing: sharing)
    }

    /// What `process` traces.
    private struct TraceScope {
        let tracing: Bool
        let unmatchedRules: Bool
    }

    /// `decide` with a profile of ``mailboxes``, read in place.
    private func decide(
        _ message: Message, profileIndex: Int?, reportedSize: Int?, trace: TraceScope, sharing: SharedFacts? = nil
    ) -> Decision {
        guard let profileIndex else {
            return Decision(mailbox: "", fetchAction: .leave, interactions: [], checksDuplicateMessageID: true)
        }
        return decide(message, profile: mailboxes[profileIndex], reportedSize: reportedSize, trace: trace, sharing: sharing)
    }

    /// The work of `process`. The profile is copied once, into the interaction:
    /// each copy retains every string it holds.
    private func decide(
        _ message: Message, profile: borrowing MailboxProfile, reportedSize: Int?, trace: TraceScope, sharing: SharedFacts? = nil
    ) -> Decision {
        let tracing = trace.tracing
        let mailboxName = profile.name
        let checksDuplicateMessageID = !profile.copyMessageToRecipients
        let defaultQueue = directory.defaultQueue(of: profile)
        let context = StageContext(
            directory: directory, reportedSize: reportedSize, tracing: tracing, tracesUnmatchedRules: trace.unmatchedRules,
            shared: sharing)
        var interactions = [Interaction(message: message, mailbox: copy profile)]
        for stage in stages {
            let output = stage.run(consume interactions, context: context)
            if let action = output.fetchAction {
                return Decision(
                    mailbox: mailboxName, fetchAction: action, interactions: [],
                    checksDuplicateMessageID: checksDuplicateMessageID, decodingDefects: context.decodingDefects)
            }
            interactions = output.interactions
        }
        for index in interactions.indices {
            if interactions[index].isForced {
                interactions[index].queue = defaultQueue
            } else if interactions[index].queue == nil {
                interactions[index].queue = defaultQueue
                guard tracing else { continue }
                interactions[index].trace.append(
                    TraceEntry(stage: "pipeline", note: "no queue decided; the mailbox's default queue \(defaultQueue ?? "none")"))
            }
        }
        return Decision(
            mailbox: mailboxName, fetchAction: .process, interactions: interactions,
            checksDuplicateMessageID: checksDuplicateMessageID, decodingDefects: context.decodingDefects)
    }
}
