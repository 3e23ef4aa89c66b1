import MessageModel

/// What the rules will see of one message: decoded header fields, parsed
/// addresses, the MIME tree with sizes, excerpts of the decoded text, and
/// every defect found on the way.
///
/// Building it decodes header fields and text parts only; attachments are
/// measured, never decoded.
public struct InspectedMessage: Sendable {
    /// Where the message came from, as the mailbox reader describes it.
    public var position: String
    public var size: Int
    /// Every header field in order: its name and decoded value.
    public var fields: [(name: String, value: String)]
    public var messageID: String?
    public var date: String?
    public var subject: String?
    /// The address fields rules look at most, parsed; absent fields give empty lists.
    public var from: AddressList
    public var sender: AddressList
    public var replyTo: AddressList
    public var to: AddressList
    public var cc: AddressList
    /// The MIME tree, depth first.
    public var parts: [PartSummary]
    /// The start of each text part's decoded text, by part path.
    public var textExcerpts: [(path: String, text: String)]
    public var defects: [Defect]

    /// One node of the MIME tree as shown to a person.
    public struct PartSummary: Sendable {
        public var path: String
        public var depth: Int
        public var mimeType: String
        public var charset: String?
        public var transferEncoding: String
        public var disposition: String?
        public var filename: String?
        /// The encoded size of the part's body in bytes.
        public var size: Int
        public var childCount: Int
    }

    /// The fields read with the address parser, in lower case.
    static let parsedAddressFields: Set<String> = ["from", "sender", "reply-to", "to", "cc"]

    /// How many characters of each text part an excerpt keeps.
    public static let excerptLength = 200

    /// Inspects `message`, read from `position`.
    public init(message: Message, position: String) {
        var defects = message.defects
        let header = message.header
        self.position = position
        self.size = message.size
        // Each field is decoded once. The defects of address fields come from the
        // address parser below, so their display decoding must not report them again.
        var fields: [(name: String, value: String)] = []
        var ignored: [Defect] = []
        for field in header {
            let value: String
            if Self.parsedAddressFields.contains(field.lowercasedName) {
                value = field.decodedValue(defects: &ignored)
            } else {
                value = field.decodedValue(defects: &defects)
            }
            fields.append((field.name, value))
        }
        self.fields = fields
        self.messageID = header.first(named: "Message-ID")?.unfoldedValue
        self.date = header.first(named: "Date")?.unfoldedValue
        self.subject = fields.first { $0.name.lowercased() == "subject" }?.value

        func addresses(_ name: String) -> AddressList {
            var list = AddressList()
            for field in header.fields(named: name) {
                let parsed = AddressParser.parse(field.unfoldedValue, field: field.name, defects: &defects)
                list.entries.append(contentsOf: parsed.entries)
            }
            return list
        }
        self.from = addresses("From")
        self.sender = addresses("Sender")
        self.replyTo = addresses("Reply-To")
        self.to = addresses("To")
        self.cc = addresses("Cc")

        var parts: [PartSummary] = []
        func visit(_ part: MIMEPart, depth: Int) {
            parts.append(PartSummary(
                path: part.path, depth: depth, mimeType: part.contentType.mimeType,
                charset: part.contentType.isText ? part.contentType.parameters["charset"] : nil,
                transferEncoding: part.transferEncoding.description, disposition: part.disposition,
                filename: part.filename, size: part.encodedSize, childCount: part.children.count))
            for child in part.children { visit(child, depth: depth + 1) }
        }
        visit(message.root, depth: 0)
        self.parts = parts

        var excerpts: [(String, String)] = []
        for part in message.textParts {
            let text = message.text(of: part, defects: &defects)
            excerpts.append((part.path, String(text.prefix(Self.excerptLength))))
        }
        self.textExcerpts = excerpts
        self.defects = defects
    }
}
