import Mailboxes
import MessageModel
import Pipeline
import QueueStore
import Reports
import Rules

/// The work done for each message, on a worker thread: read it once, route
/// it through the new rules and, when comparing, the old ones; with
/// `--apply`, make the delivery the queue store is given.
struct MessageReprocessing: Sendable {
    let new: Pipeline
    let newCatalog: RuleCatalog
    let old: Pipeline?
    let oldCatalog: RuleCatalog?
    let mailbox: String?
    /// The ledger identities of the entries, with `--apply`; nil for a dry run.
    let identities: ReprocessIdentities?

    /// The message scope both rule sets need: the header alone only when neither reads more.
    var scope: Message.Scope {
        new.messageScope == .header && (old?.messageScope ?? .header) == .header ? .header : .structure
    }

    /// How much of each file to read: the whole message when it is to be stored.
    var reading: MessageReading { scope == .header && identities == nil ? .headerSection : .whole }

    /// The same work sharing no reference-counted storage with this one, for
    /// one worker thread alone (see `Rules.Isolation`).
    func isolatedCopy() -> MessageReprocessing {
        MessageReprocessing(
            new: new.isolatedCopy(), newCatalog: newCatalog.isolatedCopy(), old: old?.isolatedCopy(),
            oldCatalog: oldCatalog?.isolatedCopy(), mailbox: mailbox.map(Isolation.copy), identities: identities)
    }

    func callAsFunction(_ ordinal: EntryOrdinal, _ entry: MailboxEntry) -> ReprocessedMessage {
        let message = Message(bytes: entry.bytes, scope: scope)
        let position = entry.position.description
        // Both rule sets read the same message: what one decodes, the other need not.
        let facts = old == nil ? nil : SharedFacts()
        let (newSide, decision) = side(new, newCatalog, message, entry, facts)
        var result = ReprocessedMessage(position: position, new: newSide)
        if let identities {
            let identity = identities.identity(of: entry, source: ordinal.source)
            result.delivery = Delivery(identity: identity, message: message, decision: decision)
        }
        if let old, let oldCatalog {
            let (oldSide, _) = side(old, oldCatalog, message, entry, facts)
            result.old = oldSide
            if oldSide.outcome != newSide.outcome {
                let changed = ChangedMessage(
                    ordinal: ordinal, position: position,
                    messageID: message.header.first(named: "Message-ID")?.unfoldedValue,
                    subject: message.header.first(named: "Subject")?.decodedValue,
                    old: oldSide.outcome, new: newSide.outcome)
                result.changedRecord = ReportRecord.changed(changed).jsonLine()
            }
        }
        return result
    }

    private func side(
        _ pipeline: Pipeline, _ catalog: RuleCatalog, _ message: Message, _ entry: MailboxEntry, _ facts: SharedFacts?
    ) -> (ReprocessedMessage.Side, Decision) {
        let decision = pipeline.process(
            message: message, mailboxName: mailbox, reportedSize: entry.size, unmatchedRules: false, sharing: facts)
        let side = ReprocessedMessage.Side(
            outcome: RoutingOutcome(decision: decision, catalog: catalog),
            matches: decision.interactions.flatMap(catalog.matches(in:)),
            ruleErrors: decision.interactions.flatMap(\.defects).map(\.description))
        return (side, decision)
    }
}
