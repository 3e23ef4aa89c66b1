/// A line of a report file is valid JSON but not what the report format says.
public struct ReportDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was expected, naming the key (`"summary"."messages" to be an integer`).
    public let expected: String

    /// An error saying what was expected.
    public init(expected: String) {
        self.expected = expected
    }

    public var description: String { "not a mailroute reprocess report line: expected \(expected)" }
}
