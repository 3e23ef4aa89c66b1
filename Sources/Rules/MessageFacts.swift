import MessageModel

/// A message as rules see it, decoded lazily and cached, so that twenty rules
/// asking for the Subject decode it once and a message nobody asks the body
/// of never has its body decoded.
///
/// One instance belongs to one message on one thread; it is a class so that
/// every rule and stage shares its caches.
public final class MessageFacts {
    /// The message (possibly read with `.header` scope only).
    public let message: Message
    /// The name of the mailbox profile the message came through.
    public let mailbox: String
    /// The size conditions compare: the size as received, even after stripping.
    public let size: Int
    /// Problems found while decoding what the rules asked for.
    public private(set) var defects: [Defect] = []

    private var decoded: [String: [String]] = [:]
    private var raw: [String: [String]] = [:]
    private var addressCache: [String: [Address]] = [:]
    private var cachedBody: String?
    private var cachedAttachments: [MIMEPart]?

    /// Facts about `message` arriving through `mailbox`; `size` defaults to the message's.
    public init(message: Message, mailbox: String, size: Int? = nil) {
        self.message = message
        self.mailbox = mailbox
        self.size = size ?? message.size
    }

    /// Every occurrence of header `name` (any case), unfolded and decoded.
    public func decodedValues(of name: String) -> [String] {
        let key = name.lowercased()
        if let values = decoded[key] { return values }
        let values = message.header.fields(named: key).map { $0.decodedValue(defects: &defects) }
        decoded[key] = values
        return values
    }

    /// Every occurrence of header `name` (any case), unfolded only.
    public func rawValues(of name: String) -> [String] {
        let key = name.lowercased()
        if let values = raw[key] { return values }
        let values = message.header.fields(named: key).map(\.unfoldedValue)
        raw[key] = values
        return values
    }

    /// Whether header `name` is present.
    public func hasHeader(_ name: String) -> Bool {
        message.header.contains(name)
    }

    /// The mailboxes of every occurrence of address field `name`, groups flattened.
    public func addresses(in name: String) -> [Address] {
        let key = name.lowercased()
        if let list = addressCache[key] { return list }
        var list: [Address] = []
        for field in message.header.fields(named: key) {
            list += AddressParser.parse(field.unfoldedValue, field: field.name, defects: &defects).addresses
        }
        addressCache[key] = list
        return list
    }

    /// The decoded text of the text parts that are not attachments, joined
    /// with a line break. Empty when the message was read with `.header` scope
    /// and is multipart (the loaded pipeline says when structure is needed).
    public var bodyText: String {
        if let cachedBody { return cachedBody }
        let text = message.textParts.map { message.text(of: $0, defects: &defects) }.joined(separator: "\n")
        cachedBody = text
        return text
    }

    /// The attachments of the message.
    public var attachments: [MIMEPart] {
        if let cachedAttachments { return cachedAttachments }
        let parts = message.attachments
        cachedAttachments = parts
        return parts
    }
}
