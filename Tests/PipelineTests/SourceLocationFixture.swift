import XMLDocuments

/// A location for definitions built in code rather than read from a file.
enum SourceLocationFixture {
    static let location = SourceLocation(file: "test", line: 1, column: 1)
}
