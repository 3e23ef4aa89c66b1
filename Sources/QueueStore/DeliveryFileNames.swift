/// The names of one delivery's files: in the ledger's staging directory and
/// in the Maildirs.
///
/// Maildir names follow the usual `time.unique.host`: the unique part is the
/// ledger's escaped name and a sequence number the ledger hands out once
/// (`L<ledger>N<sequence>`, with `C<n>` for the n-th interaction), so names
/// never collide between ledgers, processes or restarts.
struct DeliveryFileNames {
    let sequence: UInt64
    private let stem: String
    private let host: String

    init(sequence: UInt64, received: StoreTimestamp, ledgerTag: String, host: String) {
        self.sequence = sequence
        stem = "\(received.unixSeconds).L\(ledgerTag)N\(sequence)"
        self.host = host
    }

    /// The spool file's Maildir name.
    var spool: String { "\(stem).\(host)" }

    /// The Maildir name of the interaction numbered `copy` (from 1).
    func interaction(_ copy: Int) -> String { "\(stem)C\(copy).\(host)" }

    /// A staging name: the sequence number and what the file is (`s`, `3`, `3.json`).
    func staged(_ part: String) -> String { "\(sequence)-\(part)" }
}
