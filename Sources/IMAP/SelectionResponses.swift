/// What the untagged responses to a SELECT report, gathered until the
/// tagged OK makes them an ``IMAPMailboxStatus``.
struct SelectionResponses {
    var exists: Int?
    var uidValidity: UInt32?
    var uidNext: UInt32?
}
