import Rules

/// What loading a configuration file gives: the configuration when there is
/// no error, and every problem found, sorted by file, line and column.
public struct ConfigurationLoadResult: Sendable {
    /// The configuration; nil when any diagnostic is an error.
    public let configuration: ServiceConfiguration?
    /// Every error and warning, each `file:line:col: error|warning: text` as
    /// `mailroute lint` prints it (the rule files' diagnostic type).
    public let diagnostics: [RuleDiagnostic]
}
