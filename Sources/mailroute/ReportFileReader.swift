import Glibc
import Reports

/// Reads a JSON report file line by line: the header first, then the records
/// one at a time (as an iterator, for merging), then the summary. The first
/// problem met ends the reading and is kept in ``failure``, with the file and line.
final class ReportFileReader: IteratorProtocol {
    let path: String
    let header: ReportHeader
    private(set) var summary: ReprocessSummary?
    private(set) var failure: String?
    private let descriptor: Int32
    private var lines: LineReader
    private var lineNumber = 1
    private var last: EntryOrdinal?

    /// Opens `path` and reads its header line.
    /// - Throws: a sentence naming the file and line, when it cannot be read or is not a report.
    init(_ path: String) throws(ReportFileError) {
        self.path = path
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ReportFileError(text: "\(FileError(path: path, action: "open", code: errno))") }
        lines = LineReader(descriptor: descriptor, path: path)
        do {
            guard let first = try lines.next() else { throw ReportFileError(text: "\(path): empty file, not a report") }
            header = try ReportHeader(json: try JSONParser.parse(first))
        } catch let error as ReportFileError {
            close(descriptor)
            throw error
        } catch {
            close(descriptor)
            throw ReportFileError(text: "\(path):1: \(error)")
        }
    }

    /// The next record, or nil at the summary, the end or the first problem.
    func next() -> ReportRecord? {
        guard failure == nil, summary == nil else { return nil }
        do {
            guard let line = try lines.next() else {
                failure = "\(path): the report ends at line \(lineNumber) without its summary line (was it cut short?)"
                return nil
            }
            lineNumber += 1
            let value = try JSONParser.parse(line)
            if let record = try ReportRecord(json: value) {
                if let last, record.ordinal < last {
                    failure = "\(path):\(lineNumber): records out of entry order (\(record.ordinal) after \(last))"
                    return nil
                }
                last = record.ordinal
                return record
            }
            guard value["summary"] != nil else { throw ReportDecodingError(expected: "{\"changed\"...}, {\"bad\"...} or {\"summary\"...}") }
            summary = try ReprocessSummary(json: value)
            if let extra = try lines.next(), !extra.isEmpty {
                failure = "\(path):\(lineNumber + 1): text after the summary line"
            }
        } catch {
            failure = "\(path):\(lineNumber): \(error)"
        }
        return nil
    }

    deinit { close(descriptor) }
}
