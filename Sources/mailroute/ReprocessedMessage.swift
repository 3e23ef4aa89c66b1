import QueueStore
import Reports

/// What the worker threads give back for one message: what each rule set
/// decided, which rules matched and failed, and, when the decision changed,
/// the record to list, already rendered; with `--apply`, what to store.
struct ReprocessedMessage: Sendable {
    /// What one rule set did with the message.
    struct Side: Sendable {
        var outcome: RoutingOutcome
        /// Catalog indexes of the rules that matched, once per interaction they matched in.
        var matches: [Int]
        /// Each rule failure, as a sentence.
        var ruleErrors: [String]
    }

    var position: String
    var new: Side
    var old: Side?
    /// The JSON line of the changed-message record, when the decisions differ.
    var changedRecord: [UInt8]?
    /// The message with the new rules' decision, for the queue store (`--apply` only).
    var delivery: Delivery?
}
