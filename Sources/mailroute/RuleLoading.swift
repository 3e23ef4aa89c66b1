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
    /// - Parameter mailbox: a profile name given on the command line, which must exist in the rules.
    /// - Throws: `ExitCode(2)` when the rules have errors and cannot be used; a
    ///   `ValidationError` listing the profiles when `mailbox` names none of them.
    static func load(_ path: String, diagnostics: Diagnostics, mailbox: String? = nil) throws -> Pipeline {
        let result = RuleSetLoader(schema: schema).load(path)
        for diagnostic in result.diagnostics {
            diagnostics.raw("\(diagnostic)")
        }
        guard let pipeline = result.pipeline else {
            diagnostics.raw("mailroute: \(path): the rules have errors and cannot be used")
            throw ExitCode(2)
        }
        if let mailbox, pipeline.mailbox(named: mailbox) == nil {
            let known = pipeline.mailboxes.map(\.name).joined(separator: ", ")
            throw ValidationError("no mailbox profile named \"\(mailbox)\" in \(path); the profiles are: \(known)")
        }
        return pipeline
    }
}
