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
    // The stored state is unchecked for exclusive access: an instance belongs to
    // one thread, and no method touches a property while another holds it, so
    // the runtime checks (a call per access, dozens per message) prove nothing.

    /// Problems found while decoding what the rules asked for.
    @exclusivity(unchecked) public private(set) var defects: [Defect] = []

    // A handful of fields per message: short lists searched in order beat
    // hashing the names. Keys are lower-case field names.
    @exclusivity(unchecked) private var decoded: [(key: String, values: [String])] = []
    @exclusivity(unchecked) private var raw: [(key: String, values: [String])] = []
    @exclusivity(unchecked) private var addressCache: [(key: String, addresses: [Address])] = []
    @exclusivity(unchecked) private var addressTextCache: [(keys: [String], part: AddressPart, texts: [String])] = []
    @exclusivity(unchecked) private var cachedBody: String?
    @exclusivity(unchecked) private var cachedAttachments: [MIMEPart]?
    /// Room each cache takes at its first entry, so the usual few fields never make it grow.
    private static var cacheCapacity: Int { 8 }

    /// Facts about `message` arriving through `mailbox`; `size` defaults to the message's.
    public init(message: Message, mailbox: String, size: Int? = nil) {
        self.message = message
        self.mailbox = mailbox
        self.size = size ?? message.size
    }

    /// Every occurrence of header `name` (any case), unfolded and decoded.
    public func decodedValues(of name: String) -> [String] {
        decodedValues(key: ASCIICase.lowercased(name))
    }

    /// ``decodedValues(of:)`` for a name already in lower case.
    func decodedValues(key: String) -> [String] {
        if let found = decoded.first(where: { $0.key == key }) { return found.values }
        var values: [String] = []
        let fields = message.header.fields
        for index in fields.indices where fields[index].lowercasedName == key {
            values.append(fields[index].decodedValue(defects: &defects))
        }
        if decoded.isEmpty { decoded.reserveCapacity(Self.cacheCapacity) }
        decoded.append((key, values))
        return values
    }

    /// Every occurrence of header `name` (any case), unfolded only.
    public func rawValues(of name: String) -> [String] {
        rawValues(key: ASCIICase.lowercased(name))
    }

    /// ``rawValues(of:)`` for a name already in lower case.
    func rawValues(key: String) -> [String] {
        if let found = raw.first(where: { $0.key == key }) { return found.values }
        var values: [String] = []
        let fields = message.header.fields
        for index in fields.indices where fields[index].lowercasedName == key { values.append(fields[index].unfoldedValue) }
        if raw.isEmpty { raw.reserveCapacity(Self.cacheCapacity) }
        raw.append((key, values))
        return values
    }

    /// Whether header `name` is present.
    public func hasHeader(_ name: String) -> Bool {
        hasHeader(key: ASCIICase.lowercased(name))
    }

    /// ``hasHeader(_:)`` for a name already in lower case.
    func hasHeader(key: String) -> Bool {
        let fields = message.header.fields
        return fields.indices.contains { fields[$0].lowercasedName == key }
    }

    /// The mailboxes of every occurrence of address field `name`, groups flattened.
    public func addresses(in name: String) -> [Address] {
        addresses(key: ASCIICase.lowercased(name))
    }

    /// ``addresses(in:)`` for a name already in lower case.
    func addresses(key: String) -> [Address] {
        if let found = addressCache.first(where: { $0.key == key }) { return found.addresses }
        var list: [Address] = []
        let fields = message.header.fields
        for index in fields.indices where fields[index].lowercasedName == key {
            let addresses = fields[index].addresses(defects: &defects)
            if list.isEmpty { list = addresses } else { list += addresses }
        }
        if addressCache.isEmpty { addressCache.reserveCapacity(Self.cacheCapacity) }
        addressCache.append((key, list))
        return list
    }

    /// One part of every mailbox of the fields `keys` (lower-case names), in
    /// field order: what an `<address>` condition compares. Kept, since
    /// several conditions usually ask for the same part of the same fields.
    func addressTexts(keys: [String], part: AddressPart) -> [String] {
        if let found = addressTextCache.first(where: { $0.part == part && $0.keys == keys }) { return found.texts }
        var texts: [String] = []
        for key in keys {
            let list = addresses(key: key)
            texts.reserveCapacity(texts.count + list.count)
            // By index, reading only the part asked for: copying an address
            // would retain every one of its strings.
            for index in list.indices {
                switch part {
                case .addrSpec: texts.append(list[index].addrSpec)
                case .localPart: texts.append(list[index].localPart)
                case .domain: texts.append(list[index].domain ?? "")
                case .displayName: texts.append(list[index].displayName ?? "")
                case .normalized: texts.append(list[index].normalized)
                }
            }
        }
        if addressTextCache.isEmpty { addressTextCache.reserveCapacity(Self.cacheCapacity) }
        addressTextCache.append((keys, part, texts))
        return texts
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
