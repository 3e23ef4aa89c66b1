import Patterns
import Rules
import XMLDocuments

/// Reads a rule file and everything it includes, checks the whole set and
/// builds the pipeline: the engine behind both `mailroute lint` and routing.
///
/// Every problem is collected, never just the first: XML and schema errors,
/// the version, include cycles and missing includes, duplicate and unknown
/// names, patterns that do not compile, out-of-range options, misplaced
/// routes, unreachable rules and unknown `${...}` references.
public struct RuleSetLoader: Sendable {
    /// The RelaxNG schema each file is validated against, when given.
    public let schema: XMLSchema?
    /// The limits every pattern is compiled with.
    public let limits: MatchLimits

    /// A loader; pass the shipped `mailroute-rules.rng` as `schema`.
    public init(schema: XMLSchema? = nil, limits: MatchLimits = .standard) {
        self.schema = schema
        self.limits = limits
    }

    /// Loads the rule file at `path` with its includes.
    ///
    /// Never fails: problems come back as diagnostics, and the pipeline is
    /// nil when any of them is an error.
    public func load(_ path: String) -> RuleLoadResult {
        var log = DiagnosticLog()
        var files: [RuleFile] = []
        var seen: Set<String> = []
        let rootPath = PathNames.normalize(path)
        collect(rootPath, chain: [], includedAt: nil, files: &files, seen: &seen, log: &log)
        var assembly = RuleSetAssembly(log: log, limits: limits)
        assembly.stagesFile = rootPath
        for file in files { assembly.readDefinitions(of: file) }
        if let root = files.first, root.path == rootPath {
            assembly.readPipeline(of: root)
            assembly.lint(root: root)
        }
        let schemaLines = files.reduce(into: Set<String>()) { $0.formUnion($1.schemaLines) }
        var unique: Set<RuleDiagnostic> = []
        let diagnostics = assembly.log.diagnostics.filter { diagnostic in
            guard unique.insert(diagnostic).inserted else { return false }
            let line = "\(diagnostic.location.file):\(diagnostic.location.line)"
            return !schemaLines.contains(line) || isSchemaDiagnostic(diagnostic, files: files)
        }.sorted()
        let usable = !diagnostics.contains { $0.severity == .error }
        let pipeline = usable
            ? Pipeline(stages: assembly.stages, mailboxes: assembly.mailboxes, directory: assembly.directory) : nil
        return RuleLoadResult(pipeline: pipeline, diagnostics: diagnostics, files: seen.sorted())
    }

    /// Reads `path` and, depth first in the order written, the files it includes.
    /// `chain` is the include path that led here, for naming cycles.
    private func collect(
        _ path: String, chain: [String], includedAt: SourceLocation?, files: inout [RuleFile],
        seen: inout Set<String>, log: inout DiagnosticLog
    ) {
        seen.insert(path)
        guard let file = RuleFile.read(path, schema: schema, includedAt: includedAt, log: &log) else { return }
        files.append(file)
        let route = chain + [path]
        for (element, target) in file.includes {
            if let start = route.firstIndex(of: target) {
                let cycle = (route[start...] + [target]).joined(separator: " -> ")
                log.error("include cycle: \(cycle)", at: log.location(of: "href", in: element))
            } else if !seen.contains(target) {
                collect(target, chain: route, includedAt: element.location, files: &files, seen: &seen, log: &log)
            }
        }
    }

    /// Whether `diagnostic` came from the schema (those are always kept).
    private func isSchemaDiagnostic(_ diagnostic: RuleDiagnostic, files: [RuleFile]) -> Bool {
        files.contains { $0.schemaDiagnostics.contains(diagnostic) }
    }
}
