import Rules
import XMLDocuments

/// Reads a configuration file and checks all of it: XML, the schema, the
/// version, every option's value and range, unique names and addresses.
/// The engine behind `mailroute lint` for configurations and behind `run`.
///
/// Every problem is collected, never just the first, and every one is
/// located; loading never throws and never stops at bad input.
public struct ConfigurationLoader: Sendable {
    /// The shipped schema (``EmbeddedConfigurationSchema``), compiled once per process.
    public static let shippedSchema: XMLSchema? = try? XMLSchema(
        text: EmbeddedConfigurationSchema.text, displayName: EmbeddedConfigurationSchema.fileName)

    /// The RelaxNG schema each file is validated against, when given.
    public let schema: XMLSchema?

    /// A loader; by default it validates against the shipped schema.
    public init(schema: XMLSchema? = ConfigurationLoader.shippedSchema) {
        self.schema = schema
    }

    /// Whether the file at `path` is a configuration file (its root element is
    /// `<configuration>`) rather than, say, a rule file. False when it cannot
    /// be read or is not XML: loading it as either kind then says why.
    public static func isConfigurationFile(_ path: String) -> Bool {
        (try? XMLDocument(contentsOf: path))?.root.name == ServiceConfiguration.rootElementName
    }

    /// Loads the configuration file at `path`; relative paths in it are
    /// resolved against its directory.
    public func load(_ path: String) -> ConfigurationLoadResult {
        let file = PathNames.normalize(path)
        return load(file: file) { (schema) throws(XMLError) in
            try XMLDocument(contentsOf: file, validatingAgainst: schema)
        }
    }

    /// Loads a configuration from `bytes`, located as `displayName`; relative
    /// paths in it are resolved against the directory of `displayName`.
    public func load(bytes: [UInt8], displayName: String) -> ConfigurationLoadResult {
        load(file: displayName) { (schema) throws(XMLError) in
            try XMLDocument(bytes: bytes, displayName: displayName, validatingAgainst: schema)
        }
    }

    private func load(file: String, parse: (XMLSchema?) throws(XMLError) -> XMLDocument) -> ConfigurationLoadResult {
        var log = DiagnosticLog()
        var configuration: ServiceConfiguration?
        if let document = ConfigurationDocument.read(file: file, schema: schema, log: &log, parse: parse) {
            configuration = ServiceConfiguration.read(
                root: document.root, file: file, version: document.version, log: &log)
            log.append(contentsOf: Self.unexplained(document.schemaDiagnostics, by: log, in: document.root))
        }
        var unique: Set<RuleDiagnostic> = []
        let diagnostics = log.diagnostics.filter { unique.insert($0).inserted }.sorted()
        let usable = !diagnostics.contains { $0.severity == .error }
        return ConfigurationLoadResult(configuration: usable ? configuration : nil, diagnostics: diagnostics)
    }

    /// The schema's violations that the reader has not already reported in its
    /// own words. libxml2 says "Element mailbox failed to validate attributes"
    /// where the reader names the option, its value and the valid range, so a
    /// violation is dropped when the reader reported an error at the element it
    /// concerns or at one of that element's attributes. libxml2 locates some
    /// violations at no element at all (they come out at line 1, column 1);
    /// those are kept only when the reader found no error, as then they are
    /// the only clue.
    private static func unexplained(
        _ violations: [RuleDiagnostic], by log: DiagnosticLog, in root: XMLElement
    ) -> [RuleDiagnostic] {
        let reported = Set(log.diagnostics.filter { $0.severity == .error }.map(\.location))
        var elements: Set<SourceLocation> = []
        var explained: Set<SourceLocation> = []
        var pending = [root]
        while let element = pending.popLast() {
            elements.insert(element.location)
            let places = [element.location] + element.attributes.map(\.location)
            if places.contains(where: reported.contains) { explained.insert(element.location) }
            pending.append(contentsOf: element.children)
        }
        return violations.filter { violation in
            let location = violation.location
            let located = elements.contains(location) && (location.line, location.column) != (1, 1)
            return located ? !explained.contains(location) : reported.isEmpty
        }
    }
}
