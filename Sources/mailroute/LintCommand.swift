import ArgumentParser
import Pipeline
import Rules

/// `mailroute lint`: checks rule files without running any mail through them.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check rule files: schema, patterns, names, options and reachability.",
        discussion: """
            Prints every problem as file:line:col: error|warning: text, in file and line order. \
            Exits 1 when any file has an error, 0 otherwise (warnings alone do not fail).
            """)

    @Argument(help: "Rule files to check (each with the files it includes).")
    var files: [String]

    func run() throws {
        let output = OutputStream(descriptor: 1)
        var errors = 0
        var warnings = 0
        for file in files {
            let result = RuleSetLoader(schema: RuleLoading.schema).load(file)
            for diagnostic in result.diagnostics {
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
}
