import Pipeline
import Reports

/// An interaction's sidecar, read back: what the pipeline decided and where
/// the message came from.
public struct InteractionRecord: Sendable {
    /// `<ledger>/<source key>/<n>`: the same for the same source and copy, always.
    public let id: String
    public let queue: String
    /// The mailbox profile the message came through.
    public let mailbox: String
    public let messageID: String?
    /// This interaction's number (from 1) among its message's ``interactionCount``.
    public let interaction: Int
    public let interactionCount: Int
    public let tags: [String]
    public let attributes: AttributeList
    public let isStripped: Bool
    public let copyRecipient: String?
    /// The header edits applied to the stored message, as traces write them.
    public let headerEdits: [String]
    public let ruleErrors: [String]
    /// The trace entries that did something (rules that matched, stage notes).
    public let trace: [String]
    public let ledger: String
    public let source: SourceIdentity
    public let received: StoreTimestamp
    /// The stored message's size in bytes.
    public let size: Int
    /// The spool file of the message as fetched.
    public let spool: String

    /// Reads the sidecar at `path`.
    init(path: String) throws(StoreError) {
        let fields = try SidecarFields(path: path)
        id = try fields.string("id")
        queue = try fields.string("queue")
        mailbox = try fields.string("mailbox")
        messageID = try fields.optionalString("message_id")
        interaction = Int(try fields.integer("interaction"))
        interactionCount = Int(try fields.integer("interactions"))
        tags = try fields.strings("tags")
        var attributes = AttributeList()
        for item in fields.json["attributes"]?.array ?? [] {
            guard let name = item["name"]?.string, let value = item["value"]?.string else {
                throw .unreadableSidecar(path: path, reason: "\"attributes\" holds an item without \"name\" and \"value\"")
            }
            attributes[name] = value
        }
        self.attributes = attributes
        isStripped = fields.json["stripped"] == .bool(true)
        copyRecipient = try fields.optionalString("copy_recipient")
        headerEdits = try fields.strings("header_edits")
        ruleErrors = try fields.strings("rule_errors")
        trace = try fields.strings("trace")
        (ledger, source) = try fields.source()
        received = try fields.received()
        size = Int(try fields.integer("size"))
        spool = try fields.string("spool")
    }
}
