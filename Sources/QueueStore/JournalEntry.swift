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

    /// Appends the line: the keyword and the fields, escaped by
    /// ``JournalField``, separated by spaces, and the newline. Written field
    /// by field, with no list of them made: a commit writes about five lines
    /// for every message it stores. ``init(fields:)`` reads it back.
    func appendLine(to bytes: inout [UInt8]) {
        switch self {
        case .stored(let identity): Self.appendIdentityLine("stored", identity, to: &bytes)
        case .forgot(let identity): Self.appendIdentityLine("forgot", identity, to: &bytes)
        case .broke(let identity): Self.appendIdentityLine("broke", identity, to: &bytes)
        case .messageID(let id):
            Self.appendKeyword("message-id", to: &bytes)
            Self.appendField(id, to: &bytes)
        case .place(let placement):
            switch placement.kind {
            case .move: Self.appendKeyword("move", to: &bytes)
            case .link: Self.appendKeyword("link", to: &bytes)
            }
            Self.appendField(placement.staged, to: &bytes)
            Self.appendField(placement.destination, to: &bytes)
        case .next(let sequence):
            Self.appendKeyword("next", to: &bytes)
            Self.appendNumber(sequence, to: &bytes)
        }
        bytes.append(UInt8(ascii: "\n"))
    }

    private static func appendIdentityLine(_ keyword: StaticString, _ identity: SourceIdentity, to bytes: inout [UInt8]) {
        appendKeyword(keyword, to: &bytes)
        switch identity {
        case .imap(let uidValidity, let uid):
            appendKeyword(" imap", to: &bytes)
            appendNumber(UInt64(uidValidity), to: &bytes)
            appendNumber(UInt64(uid), to: &bytes)
        case .pop3(let uidl):
            appendKeyword(" pop3", to: &bytes)
            appendField(uidl, to: &bytes)
        case .file(let path, let position):
            appendKeyword(" file", to: &bytes)
            appendField(path, to: &bytes)
            appendField(position, to: &bytes)
        }
    }

    /// A keyword: plain ASCII with nothing to escape.
    private static func appendKeyword(_ keyword: StaticString, to bytes: inout [UInt8]) {
        keyword.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// A space and the escaped field.
    private static func appendField(_ field: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: " "))
        JournalField.append(field, to: &bytes)
    }

    /// A space and `number` in decimal.
    private static func appendNumber(_ number: UInt64, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: " "))
        DecimalDigits.append(number, to: &bytes)
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
