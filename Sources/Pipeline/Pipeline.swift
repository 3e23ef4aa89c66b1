import MessageModel
import Rules

/// A loaded rule file set, ready to decide the queue of any number of
/// messages, from any number of threads at once.
public struct Pipeline: Sendable {
    /// The stages in the order written.
    public let stages: [any Stage]
    /// The mailbox profiles in document order (includes after the file that includes them).
    public let mailboxes: [MailboxProfile]
    /// Queues and endpoints.
    public let directory: QueueDirectory
    /// What the rules read of a message, so the caller parses no more than needed.
    public let needs: MessageNeeds

    /// Creates a pipeline from its parts; rule files go through ``RuleSetLoader``.
    public init(stages: [any Stage], mailboxes: [MailboxProfile], directory: QueueDirectory) {
        self.stages = stages
        self.mailboxes = mailboxes
        self.directory = directory
        self.needs = stages.reduce(into: MessageNeeds()) { needs, stage in
            for rule in stage.rules { needs.formUnion(rule.needs) }
        }
    }

    /// A pipeline that decides the same and shares no reference-counted
    /// storage with this one: its own rules, patterns (with their match
    /// scratch), profiles and names. Give each worker thread one, so that
    /// threads never write to the same reference counts (see `Rules.Isolation`).
    public func isolatedCopy() -> Pipeline {
        Pipeline(
            stages: stages.map { $0.isolatedCopy() }, mailboxes: mailboxes.map { $0.isolatedCopy() },
            directory: directory.isolatedCopy())
    }

    /// The scope to read messages with: `.header` unless a condition looks at
    /// attachments or body text.
    public var messageScope: Message.Scope {
        needs.isEmpty ? .header : .structure
    }

    /// The profile called `name`.
    public func mailbox(named name: String) -> MailboxProfile? {
        profileIndex(named: name).map { mailboxes[$0] }
    }

    /// The profile for a message that arrived without one: the first whose
    /// address appears (normalised) in To, Cc or Delivered-To, else the first profile.
    public func mailbox(for message: Message) -> MailboxProfile? {
        profileIndex(for: message).map { mailboxes[$0] }
    }

    /// Where in ``mailboxes`` the profile called `name` is.
    func profileIndex(named name: String) -> Int? {
        mailboxes.firstIndex { $0.name == name }
    }

    /// Where in ``mailboxes`` the profile ``mailbox(for:)`` gives is; nil without profiles.
    func profileIndex(for message: Message) -> Int? {
        // With one profile there is nothing to choose, and no address to parse.
        if mailboxes.count <= 1 { return mailboxes.indices.first }
        var defects: [Defect] = []
        var recipients: Set<String> = []
        for name in ["To", "Cc", "Delivered-To"] {
            for field in message.header.fields(named: name) {
                for address in AddressParser.parse(field.unfoldedValue, field: name, defects: &defects).addresses {
                    recipients.insert(address.normalized)
                }
            }
        }
        return mailboxes.firstIndex { recipients.contains($0.address.normalized) } ?? mailboxes.indices.first
    }
}
