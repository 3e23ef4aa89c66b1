import Configuration
import MessageModel
import Pipeline
import QueueStore
import Rules

/// Reads a retrieved message (once, with the scope the rules need) and
/// routes it into the ``Delivery`` a ``StoreBatch`` stores. Either of a
/// mailbox's two threads may do it, whichever has time (see ``FetchCycle``).
struct MessageRouting: Sendable {
    let account: MailboxAccount
    let pipeline: Pipeline
    let profile: MailboxProfile

    /// The delivery of `bytes`, the message `remote` known to the ledger as `identity`.
    func delivery(of bytes: [UInt8], remote: RemoteMessage, identity: SourceIdentity) -> Delivery {
        let message = Message(bytes: bytes, scope: pipeline.messageScope)
        // The sidecars keep only the trace entries of matching rules and stages.
        let decision = pipeline.process(
            message: message, mailbox: profile, reportedSize: remote.size ?? -1, unmatchedRules: false)
        var delivery = Delivery(identity: identity, message: message, decision: decision, reportedSize: remote.size)
        delivery.checksDuplicateMessageID = account.checksMessageIDs(with: profile)
        return delivery
    }

    /// A routing that shares no reference-counted storage with this one, for
    /// a second thread (see `Pipeline.isolatedCopy()`).
    func isolatedCopy() -> MessageRouting {
        MessageRouting(account: account, pipeline: pipeline.isolatedCopy(), profile: profile.isolatedCopy())
    }
}
