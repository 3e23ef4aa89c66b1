import Reports

/// A spool file's record (a line of a ``SpoolIndex``), read back: where the
/// message came from and where its interactions went.
public struct SpoolRecord: Sendable {
    /// `<ledger>/<source key>`.
    public let id: String
    /// The spool file's Maildir name.
    public let file: String
    /// The mailbox profile the pipeline used; `reprocess` can pass it on.
    public let mailbox: String
    public let messageID: String?
    public let ledger: String
    public let source: SourceIdentity
    public let received: StoreTimestamp
    /// The size of the spool file in bytes.
    public let size: Int
    /// The size the server reported, when it did.
    public let reportedSize: Int?
    /// The interactions stored for it, in decision order.
    public let interactions: [QueuedFile]

    /// Reads a record (`path` names its file and line, for errors).
    init(bytes: [UInt8], path: String) throws(StoreError) {
        let fields = try SidecarFields(bytes: bytes, path: path)
        id = try fields.string("id")
        file = try fields.string("file")
        mailbox = try fields.string("mailbox")
        messageID = try fields.optionalString("message_id")
        (ledger, source) = try fields.source()
        received = try fields.received()
        size = Int(try fields.integer("size"))
        reportedSize = fields.json["reported_size"]?.integer
        var interactions: [QueuedFile] = []
        for item in fields.json["interactions"]?.array ?? [] {
            guard let queue = item["queue"]?.string, let file = item["file"]?.string else {
                throw .unreadableSidecar(path: path, reason: "\"interactions\" holds an item without \"queue\" and \"file\"")
            }
            interactions.append(QueuedFile(queue: queue, name: file))
        }
        self.interactions = interactions
    }
}
