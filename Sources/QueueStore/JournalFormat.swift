/// The bytes of a ledger journal: a header line, then records, each a
/// `begin` line, entries, and `end <crc32>` (see ``JournalEntry``).
enum JournalFormat {
    /// The first line of every journal.
    static let header = Array("mailroute-ledger 1\n".utf8)
    private static let begin = Array("begin\n".utf8)

    /// The bytes of one record holding `entries`.
    static func record(_ entries: [JournalEntry]) -> [UInt8] {
        var bytes = begin
        // About what an entry of a placement takes, so the record grows once or twice.
        bytes.reserveCapacity(begin.count + entries.count * 96 + 16)
        for entry in entries { entry.appendLine(to: &bytes) }
        let crc = String(CRC32.checksum(bytes[...]), radix: 16)
        bytes += Array("end \(String(repeating: "0", count: 8 - crc.count))\(crc)\n".utf8)
        return bytes
    }

    /// What a journal's bytes hold.
    struct Contents {
        /// How many whole records there are.
        var records = 0
        /// The length of the whole records; anything after is a torn last record.
        var validLength = 0
    }

    /// Reads a journal, handing each whole record to `apply` as soon as its
    /// checksum is checked, so no more than one record is held at a time. A
    /// last record cut short or failing its checksum is left out
    /// (`validLength` stops before it): a crash tore it before it was durable.
    /// Damage followed by a good record is corruption, and an error.
    static func parse(_ bytes: [UInt8], apply: ([JournalEntry]) -> Void) -> Result<Contents, Damage> {
        guard bytes.starts(with: header) else {
            return .failure(Damage(offset: 0, reason: "it does not start with \"mailroute-ledger 1\""))
        }
        var contents = Contents(validLength: header.count)
        var offset = header.count
        while offset < bytes.count {
            switch record(in: bytes, at: offset) {
            case .success(let (entries, end)):
                apply(entries)
                contents.records += 1
                offset = end
                contents.validLength = end
            case .failure(let damage):
                if let later = laterRecord(in: bytes, after: offset) {
                    return .failure(Damage(offset: offset, reason: "\(damage.reason), yet a whole record follows at byte \(later)"))
                }
                return .success(contents)
            }
        }
        return .success(contents)
    }

    /// The record starting at `offset` and the offset after it.
    private static func record(in bytes: [UInt8], at offset: Int) -> Result<([JournalEntry], Int), Damage> {
        guard bytes[offset...].starts(with: begin) else { return .failure(Damage(offset: offset, reason: "no \"begin\" line")) }
        var entries: [JournalEntry] = []
        var lineStart = offset + begin.count
        while true {
            guard let newline = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) else {
                return .failure(Damage(offset: offset, reason: "the record is cut short"))
            }
            let line = bytes[lineStart..<newline]
            if line.starts(with: "end ".utf8) {
                let expected = String(CRC32.checksum(bytes[offset..<lineStart]), radix: 16)
                guard let written = UInt32(String(decoding: line.dropFirst(4), as: UTF8.self), radix: 16),
                    String(written, radix: 16) == expected
                else { return .failure(Damage(offset: offset, reason: "the checksum does not match")) }
                return .success((entries, newline + 1))
            }
            guard let fields = JournalField.fields(of: line), let entry = JournalEntry(fields: fields) else {
                return .failure(Damage(offset: offset, reason: "an unreadable line at byte \(lineStart)"))
            }
            entries.append(entry)
            lineStart = newline + 1
        }
    }

    /// The offset of a whole record starting on a line after `offset`, if any.
    private static func laterRecord(in bytes: [UInt8], after offset: Int) -> Int? {
        var index = offset + 1
        while let newline = bytes[index...].firstIndex(of: UInt8(ascii: "\n")) {
            index = newline + 1
            guard index < bytes.count else { return nil }
            if case .success = record(in: bytes, at: index) { return index }
        }
        return nil
    }

    /// Where a journal stops making sense, and why.
    struct Damage: Error {
        let offset: Int
        let reason: String
    }
}
