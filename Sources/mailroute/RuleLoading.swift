import ArgumentParser
import Pipeline
import Rules
import XMLDocuments

/// Loads a rule file set the same way for every command: validated against
/// the built-in schema, every problem printed as `file:line:col: severity: text`.
enum RuleLoading {
    /// The schema compiled once per process.
    static let schema: XMLSchema? = try? XMLSchema(text: EmbeddedRuleSchema.text, displayName: EmbeddedRuleSchema.fileName)

    /// Loads `path` and its includes; prints warnings and errors on `diagnostics`.
    /// - Throws: `ExitCode(2)` when the rules have errors and cannot be used.
    static func load(_ path: String, diagnostics: Diagnostics) throws -> Pipeline {
        let result = RuleSetLoader(schema: schema).load(path)
        for diagnostic in result.diagnostics {
            diagnostics.raw("\(diagnostic)")
        }
        guard let pipeline = result.pipeline else {
            diagnostics.raw("mailroute: \(path): the rules have errors and cannot be used")
            throw ExitCode(2)
        }
        return pipeline
    }
}
