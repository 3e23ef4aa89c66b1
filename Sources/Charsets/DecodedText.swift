/// Text decoded from a charset, and what, if anything, went wrong.
///
/// `text` is always usable: where the bytes could not be read exactly, it
/// holds the closest reading mailroute could make, and `problem` says why.
public struct DecodedText: Sendable, Hashable {
    public var text: String
    /// Nil when every byte was read as the charset defines it.
    public var problem: CharsetProblem?

    public init(text: String, problem: CharsetProblem?) {
        self.text = text
        self.problem = problem
    }
}
