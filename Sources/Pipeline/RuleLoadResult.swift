import Rules

/// What loading a rule file set gives: the pipeline when there is no
/// error, and every problem found, sorted by file, line and column.
public struct RuleLoadResult: Sendable {
    /// The pipeline; nil when any diagnostic is an error.
    public let pipeline: Pipeline?
    /// Every error and warning, sorted as `lint` prints them.
    public let diagnostics: [RuleDiagnostic]
    /// Every file the set was read from, the one given and its includes
    /// (also those that could not be read), so a watcher knows what to watch.
    public let files: [String]
}
