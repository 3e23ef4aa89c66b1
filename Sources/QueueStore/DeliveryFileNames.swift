/// The names of one delivery's files: in the ledger's staging directory and
/// in the Maildirs.
///
/// Maildir names follow the usual `time.unique.host`: the unique part is the
/// ledger's escaped name and a sequence number the ledger hands out once
/// (`L<ledger>N<sequence>`, with `C<n>` for the n-th interaction), so names
/// never collide between ledgers, processes or restarts.
struct DeliveryFileNames {
    let sequence: UInt64
    /// The spool file's Maildir name.
    let spool: String
    private let stem: String
    private let host: String

    init(sequence: UInt64, received: StoreTimestamp, ledgerTag: String, host: String) {
        self.sequence = sequence
        let stem = PathText.join {
            $0.append(received.unixSeconds)
            $0.append(".L")
            $0.append(ledgerTag)
            $0.append("N")
            $0.append(sequence)
        }
        spool = PathText.join {
            $0.append(stem)
            $0.append(".")
            $0.append(host)
        }
        self.stem = stem
        self.host = host
    }

    /// The Maildir name of the interaction numbered `copy` (from 1).
    func interaction(_ copy: Int) -> String {
        PathText.join {
            $0.append(stem)
            $0.append("C")
            $0.append(UInt64(copy))
            $0.append(".")
            $0.append(host)
        }
    }

    /// The staging name of the spool file: `<sequence>-s`.
    var stagedSpool: String { staged("-s") }

    /// The staging name of interaction `copy`'s message: `<sequence>-<copy>`.
    func stagedMessage(_ copy: Int) -> String { staged("-", copy) }

    /// The staging name of interaction `copy`'s sidecar: `<sequence>-<copy>.json`.
    func stagedSidecar(_ copy: Int) -> String { staged("-", copy, ".json") }

    private func staged(_ separator: StaticString, _ copy: Int? = nil, _ suffix: StaticString = "") -> String {
        PathText.join {
            $0.append(sequence)
            $0.append(separator)
            if let copy { $0.append(UInt64(copy)) }
            $0.append(suffix)
        }
    }
}
