import Rules

extension RuleSetLoader {
    /// The problems of several rule files, each loaded as its own set, as
    /// `mailroute lint RULES...` prints them: sorted by file, line and column,
    /// a problem in a file included by several of them listed once.
    public func lint(_ paths: [String]) -> [RuleDiagnostic] {
        var seen: Set<RuleDiagnostic> = []
        var diagnostics: [RuleDiagnostic] = []
        for path in paths {
            for diagnostic in load(path).diagnostics where seen.insert(diagnostic).inserted {
                diagnostics.append(diagnostic)
            }
        }
        return diagnostics.sorted()
    }
}
