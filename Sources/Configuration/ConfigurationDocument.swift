import Rules
import XMLDocuments

/// A configuration file parsed, its root and version checked, with the
/// schema's findings kept apart so the loader can weigh them against its own.
struct ConfigurationDocument {
    /// The `<configuration>` element.
    let root: XMLElement
    /// The `version` attribute, one this mailroute reads.
    let version: String
    /// The schema's violations, each located at the element it concerns.
    let schemaDiagnostics: [RuleDiagnostic]

    /// Parses the document `parse` gives (validating when a schema is passed
    /// to it); nil, with the problems recorded, when the file cannot be read,
    /// is not XML, or is not a configuration of a version this mailroute reads.
    static func read(
        file: String, schema: XMLSchema?, log: inout DiagnosticLog,
        parse: (XMLSchema?) throws(XMLError) -> XMLDocument
    ) -> ConfigurationDocument? {
        let start = SourceLocation(file: file, line: 1, column: 1)
        var violations: [XMLDiagnostic] = []
        let document: XMLDocument
        do {
            do {
                document = try parse(schema)
            } catch .invalid(let found) {
                violations = found
                document = try parse(nil)
            }
        } catch .unreadable(_, let reason) {
            log.error("cannot read the configuration file: \(reason)", at: start)
            return nil
        } catch {
            let diagnostics = error.diagnostics
            if diagnostics.isEmpty { log.error("\(error)", at: start) }
            log.append(contentsOf: diagnostics.map(RuleDiagnostic.init))
            return nil
        }
        log.append(contentsOf: document.warnings.map(RuleDiagnostic.init))
        // Root and version first: a file of another kind or version is not
        // expected to follow this schema, and its violations would hide the point.
        let root = document.root
        guard root.name == ServiceConfiguration.rootElementName else {
            log.error(
                "the root element is <\(root.name)>; a configuration file starts with <configuration version=\"1\">",
                at: root.location)
            return nil
        }
        guard let version = log.required("version", of: root) else { return nil }
        guard ServiceConfiguration.supportedVersions.contains(version) else {
            log.error(
                "version is \"\(version)\"; this mailroute reads configuration files of version "
                    + ServiceConfiguration.supportedVersions.joined(separator: ", "),
                at: log.location(of: "version", in: root))
            return nil
        }
        return ConfigurationDocument(
            root: root, version: version, schemaDiagnostics: violations.map(RuleDiagnostic.init))
    }
}
