import ArgumentParser
import Reports

/// `mailroute report merge`: the JSON reports of the shards of one job as
/// the report of one run over everything.
struct ReportMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the JSON reports of 'reprocess --shard I/N' runs into the report of one unsharded run.",
        discussion: """
            Every shard of the split must be given once, each made with the same rules, sources \
            (in the same order) and --mailbox. The result is byte for byte the report one \
            unsharded run gives.
            """)

    @Argument(help: "The JSON reports (reprocess --json FILE or --format jsonl) of every shard.")
    var reports: [String]

    @Option(help: "Standard output: table for people, jsonl for machines.")
    var format: ReportOutput.Format = .table

    @Option(help: "Also write the merged report as one self-contained HTML page to this file.")
    var html: String?

    @Option(help: "Also write the merged JSON report to this file.")
    var json: String?

    func run() throws {
        let diagnostics = Diagnostics()
        do {
            let readers = try reports.map { path throws(ReportFileError) in try ReportFileReader(path) }
            let header = try ReportMerge.header(of: readers.map(\.header), names: reports)
            let spool = try RecordSpool.temporary()
            for record in MergedRecords(readers) { spool.append(record.jsonLine()) }
            if let failure = readers.compactMap(\.failure).first { throw ReportFileError(text: failure) }
            guard let summary = ReportMerge.summary(of: readers.compactMap(\.summary)) else { throw ReportMergeError.nothingToMerge }
            try ReportOutput(format: format, jsonPath: json, htmlPath: html).write(header: header, summary: summary, records: spool)
        } catch {
            diagnostics.error("\(error)")
            throw ExitCode(2)
        }
    }
}
