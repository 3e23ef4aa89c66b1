/// What UID FETCH asks for each message. The UID always comes too.
public struct IMAPFetchItems: OptionSet, Sendable, Hashable {
    /// One bit per item.
    public let rawValue: UInt8

    /// Items from their bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// RFC822.SIZE, the size the server announces.
    public static let size = IMAPFetchItems(rawValue: 1)
    /// FLAGS.
    public static let flags = IMAPFetchItems(rawValue: 2)
    /// BODY.PEEK[HEADER]: the header section, without setting \Seen.
    public static let header = IMAPFetchItems(rawValue: 4)
    /// BODY.PEEK[]: the whole message, without setting \Seen.
    public static let body = IMAPFetchItems(rawValue: 8)

    /// The parenthesised item list for the command.
    var itemList: String {
        var items = ["UID"]
        if contains(.size) { items.append("RFC822.SIZE") }
        if contains(.flags) { items.append("FLAGS") }
        if contains(.header) { items.append("BODY.PEEK[HEADER]") }
        if contains(.body) { items.append("BODY.PEEK[]") }
        return "(" + items.joined(separator: " ") + ")"
    }
}
