/// A place in a source file, as people and editors count it: lines and
/// columns start at 1, and columns count characters (Unicode scalars), not bytes.
///
/// Its description is `file:line:column`, the form compilers use, so that a
/// diagnostic can be clicked in an editor or a terminal.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The name the file is shown under: its path, or a display name given
    /// for bytes that did not come from a file (such as `<stdin>`).
    public let file: String
    /// The 1-based line.
    public let line: Int
    /// The 1-based column; 1 when the exact column could not be determined.
    public let column: Int
    /// `file:line:column`, made once: traces write a rule's location for
    /// every message the rule matches.
    public let description: String

    /// Creates a location; lines and columns below 1 are raised to 1, so a
    /// location always names a real place in a file.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = max(line, 1)
        self.column = max(column, 1)
        description = "\(file):\(self.line):\(self.column)"
    }
}
