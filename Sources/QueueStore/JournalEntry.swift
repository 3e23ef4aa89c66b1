/// One line of a ledger journal record.
///
/// A line is a keyword and fields separated by single spaces; each field is
/// escaped by ``JournalField``. A record (a commit, a pruning, a snapshot) is
/// a `begin` line, its entries and an `end` line carrying the CRC-32 of the
/// record's bytes before it: a record is in the journal whole or not at all.
enum JournalEntry: Sendable, Equatable {
    /// The identity is durably stored (or handled as a duplicate).
    case stored(SourceIdentity)
    /// The identity left the server and is forgotten.
    case forgot(SourceIdentity)
    /// A Message-ID taken from this ledger's mailbox, newest last.
    case messageID(String)
    /// A committed file to move (or link) from the ledger's staging directory
    /// to its place; done again after a crash.
    case place(FilePlacement)
    /// The next file sequence number of the ledger.
    case next(UInt64)
    /// The server broke the connection while sending this message or listing
    /// its size; counted, so that it is asked for alone and then given up.
    case broke(SourceIdentity)

    /// The fields of the line.
    var fields: [String] {
        switch self {
        case .stored(let identity): ["stored"] + identity.journalFields
        case .forgot(let identity): ["forgot"] + identity.journalFields
        case .messageID(let id): ["message-id", id]
        case .place(let placement): [placement.kind.rawValue, placement.staged, placement.destination]
        case .next(let sequence): ["next", String(sequence)]
        case .broke(let identity): ["broke"] + identity.journalFields
        }
    }

    /// Reads a line's fields; nil when the line is not an entry.
    init?(fields: [String]) {
        switch fields.first {
        case "stored": guard let identity = SourceIdentity(journalFields: fields.dropFirst()) else { return nil }
            self = .stored(identity)
        case "forgot": guard let identity = SourceIdentity(journalFields: fields.dropFirst()) else { return nil }
            self = .forgot(identity)
        case "message-id" where fields.count == 2: self = .messageID(fields[1])
        case "move" where fields.count == 3, "link" where fields.count == 3:
            guard let kind = FilePlacement.Kind(rawValue: fields[0]) else { return nil }
            self = .place(FilePlacement(kind: kind, staged: fields[1], destination: fields[2]))
        case "next" where fields.count == 2: guard let sequence = UInt64(fields[1]) else { return nil }
            self = .next(sequence)
        case "broke": guard let identity = SourceIdentity(journalFields: fields.dropFirst()) else { return nil }
            self = .broke(identity)
        default: return nil
        }
    }
}
