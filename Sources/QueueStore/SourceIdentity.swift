/// Where a message came from, exactly enough to recognise it when it is
/// offered again: after a crash between storing and deleting on the server,
/// with `leave-msg-on-server`, or when a killed `reprocess` is restarted.
///
/// An identity is unique within one ``DeliveryLedger``; the ledger's name (a
/// mailbox, or a reprocessing run's rule set) makes it unique in the store.
public enum SourceIdentity: Sendable, Hashable, CustomStringConvertible {
    /// An IMAP message: UIDs are valid only with their folder's UIDVALIDITY.
    case imap(uidValidity: UInt32, uid: UInt32)
    /// A POP3 message by its UIDL (RFC 1939: 1 to 70 printable characters).
    case pop3(uidl: String)
    /// A stored message read again: the mailbox path and the position in it
    /// (a Maildir file name, an mbox offset), as the reader describes them.
    case file(path: String, position: String)

    /// A stable one-line key: `imap:7:42`, `pop3:<uidl>`, `file:<path>#<position>`.
    public var key: String {
        switch self {
        case .imap(let uidValidity, let uid): "imap:\(uidValidity):\(uid)"
        case .pop3(let uidl): "pop3:\(uidl)"
        case .file(let path, let position): "file:\(path)#\(position)"
        }
    }

    /// `UID 42 (UIDVALIDITY 7)`, `UIDL 000001a2`, `inbox.mbox:120`, for people.
    public var description: String {
        switch self {
        case .imap(let uidValidity, let uid): "UID \(uid) (UIDVALIDITY \(uidValidity))"
        case .pop3(let uidl): "UIDL \(uidl)"
        case .file(let path, let position): "\(path) at \(position)"
        }
    }

    /// Reads the fields of a journal line after its keyword (see
    /// ``JournalEntry/appendLine(to:)``): a kind and its values; nil for anything else.
    init?(journalFields fields: ArraySlice<String>) {
        let values = Array(fields)
        switch values.first {
        case "imap" where values.count == 3:
            guard let uidValidity = UInt32(values[1]), let uid = UInt32(values[2]) else { return nil }
            self = .imap(uidValidity: uidValidity, uid: uid)
        case "pop3" where values.count == 2:
            self = .pop3(uidl: values[1])
        case "file" where values.count == 3:
            self = .file(path: values[1], position: values[2])
        default:
            return nil
        }
    }
}
