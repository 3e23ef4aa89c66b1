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
    /// A committed file to move from the ledger's staging directory to its
    /// place, relative to the store root; finished again after a crash.
    case move(staged: String, destination: String)
    /// The next file sequence number of the ledger.
    case next(UInt64)

    /// The fields of the line.
    var fields: [String] {
        switch self {
        case .stored(let identity): ["stored"] + identity.journalFields
        case .forgot(let identity): ["forgot"] + identity.journalFields
        case .messageID(let id): ["message-id", id]
        case .move(let staged, let destination): ["move", staged, destination]
        case .next(let sequence): ["next", String(sequence)]
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
        case "move" where fields.count == 3: self = .move(staged: fields[1], destination: fields[2])
        case "next" where fields.count == 2: guard let sequence = UInt64(fields[1]) else { return nil }
            self = .next(sequence)
        default: return nil
        }
    }
}
