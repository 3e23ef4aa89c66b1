/// What UID SEARCH looks for: search keys of RFC 3501 6.4.4, all of which
/// must match.
public struct IMAPSearchCriteria: Sendable, Hashable, CustomStringConvertible {
    /// The keys in IMAP syntax.
    let keys: [String]
    /// The lowest UID wanted, to drop the one message `n:*` always matches.
    let lowestUID: UInt32?

    /// Every message.
    public static let all = IMAPSearchCriteria(keys: ["ALL"], lowestUID: nil)
    /// Messages without \Seen.
    public static let unseen = IMAPSearchCriteria(keys: ["UNSEEN"], lowestUID: nil)
    /// Messages without \Deleted.
    public static let undeleted = IMAPSearchCriteria(keys: ["UNDELETED"], lowestUID: nil)

    /// Messages whose UID is `first` or higher (`UID first:*`). Results
    /// below `first` (IMAP's `*` names the highest UID even when it is lower)
    /// are dropped by the client.
    public static func uids(from first: UInt32) -> IMAPSearchCriteria {
        let first = max(first, 1)
        return IMAPSearchCriteria(keys: ["UID \(first):*"], lowestUID: first)
    }

    /// Messages matching both `self` and `other`.
    public func and(_ other: IMAPSearchCriteria) -> IMAPSearchCriteria {
        let lowest = [lowestUID, other.lowestUID].compactMap { $0 }.max()
        return IMAPSearchCriteria(keys: keys + other.keys, lowestUID: lowest)
    }

    /// The keys as sent.
    public var description: String { keys.joined(separator: " ") }
}
