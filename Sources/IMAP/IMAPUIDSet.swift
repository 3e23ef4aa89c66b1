/// A set of message UIDs as IMAP writes it (`1:5,9,12:*`): sorted ranges,
/// plus optionally every UID from some value up to the highest in the folder.
public struct IMAPUIDSet: Sendable, Hashable, CustomStringConvertible {
    /// Disjoint, non-adjacent ranges in ascending order; never contains 0.
    public private(set) var ranges: [ClosedRange<UInt32>]
    /// `n` when the set also holds `n:*` (every UID from n on).
    public private(set) var openFrom: UInt32?

    /// The UIDs given, in any order, duplicates allowed; 0 (not a UID) is left out.
    public init(_ uids: some Sequence<UInt32>) {
        ranges = []
        openFrom = nil
        // Sorted as an array: a sort through the generic sequence is not
        // specialised across modules and costs ten times as much.
        for uid in Array(uids).sorted() where uid != 0 {
            if let last = ranges.last, uid <= last.upperBound &+ 1, last.upperBound != .max {
                ranges[ranges.count - 1] = last.lowerBound...max(last.upperBound, uid)
            } else if ranges.last.map({ uid > $0.upperBound }) ?? true {
                ranges.append(uid...uid)
            }
        }
    }

    /// Every UID from `first` (at least 1) up to the highest in the folder:
    /// `first:*`. Note the IMAP rule that `*` is the highest UID even when it
    /// is below `first`: commands over this set may see that one message.
    public static func from(_ first: UInt32) -> IMAPUIDSet {
        var set = IMAPUIDSet([])
        set.openFrom = max(first, 1)
        return set
    }

    /// Whether the set holds no UID.
    public var isEmpty: Bool { ranges.isEmpty && openFrom == nil }

    /// Whether `uid` is in the set (`n:*` holds every UID from n on).
    public func contains(_ uid: UInt32) -> Bool {
        if let openFrom, uid >= openFrom { return true }
        return ranges.contains { $0.contains(uid) }
    }

    /// The set in IMAP syntax.
    public var description: String { pieces().joined(separator: ",") }

    /// The set in IMAP syntax, cut into comma-separated parts of at most
    /// `maximumLength` characters, so that no command line grows beyond what
    /// servers accept (Dovecot: 64 KiB). Empty for an empty set.
    func chunks(maximumLength: Int = 8192) -> [String] {
        var chunks: [String] = []
        var current = ""
        for piece in pieces() {
            if !current.isEmpty && current.utf8.count + 1 + piece.utf8.count > maximumLength {
                chunks.append(current)
                current = ""
            }
            current += current.isEmpty ? piece : "," + piece
        }
        if !current.isEmpty { chunks.append(current) }
        return chunks
    }

    private func pieces() -> [String] {
        var pieces = ranges.map { $0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound):\($0.upperBound)" }
        if let openFrom { pieces.append("\(openFrom):*") }
        return pieces
    }
}
