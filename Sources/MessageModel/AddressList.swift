/// The parsed value of an address field (From, To, Cc, Reply-To, ...).
///
/// RFC 5322 lets a field hold mailboxes and named groups of mailboxes
/// (`undisclosed-recipients:;` is an empty group). Rules mostly want the flat
/// list of mailboxes, ``addresses``; the grouping is kept for display.
public struct AddressList: Sendable, Hashable {
    /// One item of the list as written.
    public enum Entry: Sendable, Hashable {
        /// A mailbox written on its own.
        case mailbox(Address)
        /// A named group (`Team: a@x, b@y;`); `members` is empty for `undisclosed-recipients:;`.
        case group(name: String, members: [Address])
    }

    /// The items in the order written.
    public var entries: [Entry]

    /// Makes a list of the given entries, in order.
    public init(entries: [Entry] = []) {
        self.entries = entries
    }

    /// Every mailbox, groups flattened, in the order written.
    public var addresses: [Address] {
        var result: [Address] = []
        for entry in entries {
            switch entry {
            case .mailbox(let address): result.append(address)
            case .group(_, let members): result.append(contentsOf: members)
            }
        }
        return result
    }

    /// True when the field names no mailbox and no group.
    public var isEmpty: Bool { entries.isEmpty }
}
