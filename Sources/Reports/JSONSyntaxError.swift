/// A line of a report file is not valid JSON.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The 0-based byte offset in the line where reading stopped.
    public let offset: Int
    /// What was expected there.
    public let expected: String

    /// An error at `offset`, where `expected` was expected.
    public init(offset: Int, expected: String) {
        self.offset = offset
        self.expected = expected
    }

    public var description: String { "invalid JSON at byte \(offset + 1): expected \(expected)" }
}
