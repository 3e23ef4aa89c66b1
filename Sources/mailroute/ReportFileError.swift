/// A report file that cannot be read, as a sentence naming the file and line.
struct ReportFileError: Error, CustomStringConvertible {
    let text: String
    var description: String { text }
}
