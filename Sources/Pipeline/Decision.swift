import MessageModel

/// The outcome of running the pipeline on one message.
public struct Decision: Sendable {
    /// The name of the mailbox profile used.
    public let mailbox: String
    /// What to do with the message on the server.
    public let fetchAction: FetchAction
    /// The interactions to queue; empty unless `fetchAction` is `process`.
    public let interactions: [Interaction]
    /// Whether the caller should skip messages whose Message-ID it has seen;
    /// off while recipient copies are made, as Genesys does.
    public let checksDuplicateMessageID: Bool
    /// Problems found while decoding the parts of the message the rules read;
    /// they explain why a value looked as it did to a condition.
    public var decodingDefects: [Defect] = []
}
