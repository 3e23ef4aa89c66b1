/// Turns libxml2's problems into diagnostics for one file, bounded in number.
struct DiagnosticList {
    let file: String
    let limit: Int

    /// Diagnostics for `problems`, in the order reported, without repeats.
    /// A problem's node location, when it has one, is preferred to libxml2's
    /// line and column (validity errors name a node instead of a column).
    func diagnostics(for problems: [LibXML2Problem]) -> [XMLDiagnostic] {
        var seen = Set<XMLDiagnostic>()
        var diagnostics: [XMLDiagnostic] = []
        for problem in problems {
            let location =
                problem.nodeLocation ?? SourceLocation(file: file, line: problem.line, column: problem.column)
            let diagnostic = XMLDiagnostic(
                location: location, severity: problem.isWarning ? .warning : .error, message: problem.message)
            if seen.insert(diagnostic).inserted { diagnostics.append(diagnostic) }
        }
        guard diagnostics.count > limit, let last = diagnostics.dropFirst(limit - 1).first else {
            return diagnostics
        }
        let dropped = diagnostics.count - limit + 1
        return Array(diagnostics.prefix(limit - 1)) + [
            XMLDiagnostic(location: last.location, message: "\(dropped) more problems not shown")
        ]
    }
}
