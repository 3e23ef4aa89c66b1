import ArgumentParser
import Glibc
import Reports

/// Writes a reprocessing report where it was asked for: the table or JSON
/// Lines on standard output, the JSON report to `--json FILE`, the page to
/// `--html FILE`. The records are read back from the spool, a few times if
/// need be, never all held at once.
struct ReportOutput {
    /// The form of standard output.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, jsonl
    }

    var format: Format
    var jsonPath: String?
    var htmlPath: String?

    private static let changedPrefix = Array("{\"changed\":".utf8)

    /// Writes every output.
    /// - Throws: ``FileError`` when a file cannot be written or the spool read.
    func write(header: ReportHeader, summary: ReprocessSummary, records: RecordSpool) throws(FileError) {
        let output = OutputStream(descriptor: 1)
        switch format {
        case .jsonl:
            try writeJSON(header: header, summary: summary, records: records) { output.write($0) }
        case .table:
            output.write(ReprocessTable.summaryText(header: header, summary: summary))
            if let impact = summary.impact {
                output.write(ReprocessTable.changedHeading(count: impact.changedMessages))
                try each(.changed, in: records) { if case .changed(let message) = $0 { output.write(ReprocessTable.changedText(message)) } }
            }
            let bad = summary.unreadable + summary.ruleErrorMessages
            if bad > 0 {
                output.write(ReprocessTable.badHeading(count: bad))
                try each(.bad, in: records) { if case .bad(let entry) = $0 { output.write(ReprocessTable.badText(entry)) } }
            }
        }
        output.flush()
        if let jsonPath {
            let file = try ReportFile(jsonPath)
            try writeJSON(header: header, summary: summary, records: records) { file.write($0) }
            try file.finish()
        }
        if let htmlPath {
            var changed: [ChangedMessage] = []
            var bad: [BadEntry] = []
            try each(nil, in: records, limit: ReprocessHTML.listLimit) { record in
                switch record {
                case .changed(let message) where changed.count < ReprocessHTML.listLimit: changed.append(message)
                case .bad(let entry) where bad.count < ReprocessHTML.listLimit: bad.append(entry)
                default: break
                }
            }
            let file = try ReportFile(htmlPath)
            file.write(
                ReprocessHTML.page(
                    header: header, summary: summary, changed: changed, bad: bad, badCount: summary.unreadable + summary.ruleErrorMessages))
            try file.finish()
        }
    }

    private func writeJSON(
        header: ReportHeader, summary: ReprocessSummary, records: RecordSpool, _ write: ([UInt8]) -> Void
    ) throws(FileError) {
        write(header.jsonLine())
        var lines = try records.lines()
        while let line = try lines.next() { write(line + [0x0A]) }
        write(summary.jsonLine())
    }

    private enum Kind { case changed, bad }

    /// Calls `body` with each record of `kind` (nil: both), in order; with a
    /// `limit`, stops once that many of each kind were seen.
    private func each(_ kind: Kind?, in records: RecordSpool, limit: Int = .max, _ body: (ReportRecord) -> Void) throws(FileError) {
        var lines = try records.lines()
        var seen = (changed: 0, bad: 0)
        while let line = try lines.next() {
            let isChanged = line.starts(with: Self.changedPrefix)
            guard kind == nil || (kind == .changed) == isChanged else { continue }
            if isChanged { seen.changed += 1 } else { seen.bad += 1 }
            if seen.changed > limit && seen.bad > limit { return }
            if (isChanged ? seen.changed : seen.bad) > limit { continue }
            // The spool holds lines this process wrote: one that does not read back means the file was damaged.
            guard let value = try? JSONParser.parse(line), let record = try? ReportRecord(json: value) else {
                throw FileError(path: records.path, action: "read back a record from", code: EBADMSG)
            }
            body(record)
        }
    }
}
