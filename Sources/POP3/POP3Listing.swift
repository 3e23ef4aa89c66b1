/// One line of a LIST reply: a message number and the size the server gives for it.
public struct POP3Listing: Sendable, Hashable {
    /// The message's number in this session (1-based; numbers change between sessions).
    public let number: Int
    /// The size in octets the server claims, or `nil` when the server gave a
    /// negative number, or something that is not a number, or none at all
    /// (`allow-bad-msg-size` decides what happens to such a message).
    public let size: Int?
    /// The size field as the server wrote it, for messages about a bad size.
    public let sizeText: String

    /// A listing from its parts.
    public init(number: Int, size: Int?, sizeText: String) {
        self.number = number
        self.size = size
        self.sizeText = sizeText
    }

    /// Reads `number size`; `nil` when the line does not start with a
    /// positive message number (the line cannot be attributed to a message).
    init?(line: String) {
        self.init(bytes: Array(line.utf8))
    }

    /// ``init(line:)`` on the line as received (its line end is ignored),
    /// without making a string of it: a LIST reply has a line per message.
    init?(bytes line: [UInt8]) {
        guard let words = ListingWords(line), let number = words.number(words.first), number > 0 else { return nil }
        let sizeText = words.second.map(words.text) ?? ""
        let size = words.second.flatMap(words.number).flatMap { $0 >= 0 ? $0 : nil }
        self.init(number: number, size: size, sizeText: sizeText)
    }
}

/// One line of a UIDL reply: a message number and its unique id, which stays
/// the same across sessions (RFC 1939 section 7).
public struct POP3UniqueID: Sendable, Hashable {
    /// The message's number in this session.
    public let number: Int
    /// The server's unique id for the message (1 to 70 printable characters, by RFC 1939).
    public let id: String

    /// A unique id from its parts.
    public init(number: Int, id: String) {
        self.number = number
        self.id = id
    }

    /// Reads `number id`; `nil` when either is missing or the number is not positive.
    init?(line: String) {
        self.init(bytes: Array(line.utf8))
    }

    /// ``init(line:)`` on the line as received (its line end is ignored).
    init?(bytes line: [UInt8]) {
        guard let words = ListingWords(line), let second = words.second, let number = words.number(words.first), number > 0
        else { return nil }
        self.init(number: number, id: words.text(second))
    }
}

/// The STAT reply: how many messages the maildrop holds and their total size.
public struct POP3MaildropStatus: Sendable, Hashable {
    /// The number of messages not marked as deleted.
    public let messageCount: Int
    /// Their total size in octets, as the server counts it.
    public let totalOctets: Int

    /// A status from its parts.
    public init(messageCount: Int, totalOctets: Int) {
        self.messageCount = messageCount
        self.totalOctets = totalOctets
    }

    /// Reads the text of a `+OK count octets` reply; `nil` unless both are non-negative numbers.
    init?(replyText: String) {
        let words = replyText.split(separator: " ")
        guard words.count >= 2, let count = Int(words[0]), let octets = Int(words[1]), count >= 0, octets >= 0
        else { return nil }
        self.init(messageCount: count, totalOctets: octets)
    }
}
