import Pipeline

/// The JSON the store writes about each interaction (its sidecar) and each
/// spool file (its line of the commit's ``SpoolIndex``): one object and a
/// newline, keys in a fixed order. The keys shared
/// with `replay --format jsonl` (`mailbox`, `message_id`, `interaction`,
/// `queue`, `tags`, `attributes`, `stripped`, `copy_recipient`,
/// `rule_errors`) mean the same there.
enum Sidecar {
    /// Sidecars carry this in `format`; readers refuse others.
    static let format: Int64 = 1

    /// What both kinds of record say about the delivery.
    struct Origin {
        let ledger: String
        let identity: SourceIdentity
        let mailbox: String
        let messageID: String?
        let received: StoreTimestamp
        /// `received` in RFC 3339, made once for the sidecars and the spool record.
        let receivedText: String
        /// `<ledger>/<identity key>`: the spool record's id, and its interactions' ids before their number.
        let id: String

        init(ledger: String, identity: SourceIdentity, mailbox: String, messageID: String?, received: StoreTimestamp) {
            self.ledger = ledger
            self.identity = identity
            self.mailbox = mailbox
            self.messageID = messageID
            self.received = received
            receivedText = received.description
            id = ledger + "/" + identity.key
        }
    }

    /// The sidecar of interaction `index` (from 0) of `count`.
    static func interaction(
        _ interaction: Interaction, index: Int, count: Int, origin: Origin, file: String, spool: String,
        headerEdits: [HeaderEdit], size: Int
    ) -> [UInt8] {
        var json = JSONWriter()
        json.integer("format", format)
        json.string("id") { id in
            id.write(origin.id)
            id.raw(UInt8(ascii: "/"))
            id.digits(Int64(index + 1))
        }
        json.string("file", file)
        json.string("queue", interaction.queue)
        json.string("mailbox", origin.mailbox)
        json.string("message_id", origin.messageID)
        json.integer("interaction", Int64(index + 1))
        json.integer("interactions", Int64(count))
        json.strings("tags", interaction.tags.names)
        json.objects("attributes", interaction.attributes.pairs) { json, pair in
            json.string("name", pair.name)
            json.string("value", pair.value)
        }
        json.bool("stripped", interaction.isStripped)
        json.string("copy_recipient", interaction.copyRecipient)
        json.strings("header_edits", headerEdits.lazy.map(\.description))
        json.strings("rule_errors", interaction.defects.lazy.map(\.description))
        json.strings("trace", interaction.trace.lazy.filter { $0.matched != false })
        source(origin, into: &json)
        json.integer("size", Int64(size))
        json.string("spool", spool)
        return json.finish()
    }

    /// The record of a spool file, listing where its interactions went.
    static func spool(origin: Origin, file: String, size: Int, reportedSize: Int?, interactions: [QueuedFile]) -> [UInt8] {
        var json = JSONWriter()
        json.integer("format", format)
        json.string("id", origin.id)
        json.string("file", file)
        json.string("mailbox", origin.mailbox)
        json.string("message_id", origin.messageID)
        source(origin, into: &json)
        json.integer("size", Int64(size))
        json.integer("reported_size", reportedSize.map(Int64.init))
        json.objects("interactions", interactions) { json, file in
            json.string("queue", file.queue)
            json.string("file", file.name)
        }
        return json.finish()
    }

    private static func source(_ origin: Origin, into json: inout JSONWriter) {
        json.object("source") { json in
            json.string("ledger", origin.ledger)
            switch origin.identity {
            case .imap(let uidValidity, let uid):
                json.string("kind", "imap")
                json.integer("uidvalidity", Int64(uidValidity))
                json.integer("uid", Int64(uid))
            case .pop3(let uidl):
                json.string("kind", "pop3")
                json.string("uidl", uidl)
            case .file(let path, let position):
                json.string("kind", "file")
                json.string("path", path)
                json.string("position", position)
            }
        }
        json.string("received", origin.receivedText)
        json.integer("received_unix_ms", origin.received.unixMilliseconds)
    }
}
