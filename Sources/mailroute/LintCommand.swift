import ArgumentParser
import Configuration
import Pipeline
import Rules

/// `mailroute lint`: checks rule files and configuration files without running any mail through them.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check rule files and configuration files: schema, patterns, names, options and reachability.",
        discussion: """
            A file whose root element is <configuration> is a configuration file: it is checked with the rule \
            file it names, and each of its mailboxes must have a mailbox profile there. Any other file is a rule \
            file, checked with the files it includes. \
            Prints every problem as file:line:col: error|warning: text, in file and line order, each once. \
            Exits 1 when any file has an error, 0 otherwise (warnings alone do not fail).
            """)

    @Argument(help: "Rule files (each with the files it includes) and configuration files (each with its rule file).")
    var files: [String]

    func run() throws {
        let output = OutputStream(descriptor: 1)
        var seen: Set<RuleDiagnostic> = []
        var errors = 0
        var warnings = 0
        for file in files {
            // A rule file reached from a configuration and named as well is reported once.
            for diagnostic in Self.diagnostics(of: file) where seen.insert(diagnostic).inserted {
                output.write("\(diagnostic)\n")
                switch diagnostic.severity {
                case .error: errors += 1
                case .warning: warnings += 1
                }
            }
        }
        output.write("\(files.count) file\(files.count == 1 ? "" : "s") checked: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n")
        output.flush()
        if errors > 0 { throw ExitCode(1) }
    }

    /// The problems of one file named on the command line: a rule file's with
    /// its includes; a configuration's, then its rule file's, once the
    /// configuration itself is usable.
    private static func diagnostics(of file: String) -> [RuleDiagnostic] {
        let rules = RuleSetLoader(schema: RuleLoading.schema)
        guard ConfigurationLoader.isConfigurationFile(file) else { return rules.load(file).diagnostics }
        let result = ConfigurationLoader().load(file)
        guard let configuration = result.configuration else { return result.diagnostics }
        let ruleSet = rules.load(configuration.ruleFile)
        let profiles = ruleSet.pipeline.map { configuration.check(against: $0.mailboxes) } ?? []
        return (result.diagnostics + profiles).sorted() + ruleSet.diagnostics
    }
}
