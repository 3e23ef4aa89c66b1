import Rules

/// The decoded facts of one message, kept for every pipeline that processes
/// it in turn.
///
/// `reprocess --compare` runs two rule sets over each message; with one
/// `SharedFacts` for both, what the first rule set decoded (address lists,
/// encoded Subjects) is not decoded again for the second, so comparing costs
/// little more than the second set's matching. Facts are shared only when
/// the pipelines see the message through a mailbox of the same name with the
/// same size, since conditions read both; a stripped message always has facts
/// of its own. The decoding defects of a shared instance are those of every
/// pipeline that used it.
///
/// One instance belongs to one message on one thread.
public final class SharedFacts {
    /// The facts of the message as received, once a pipeline has made them.
    var facts: MessageFacts?

    /// Facts for one message, empty until a pipeline processes it.
    public init() {}
}
