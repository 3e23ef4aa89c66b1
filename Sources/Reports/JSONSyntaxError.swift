/// A line of a report file is not valid JSON.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The 0-based byte offset in the line where reading stopped.
    public let offset: Int
    /// What was expected there.
    public let expected: String

    public var description: String { "invalid JSON at byte \(offset + 1): expected \(expected)" }
}
