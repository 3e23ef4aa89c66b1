import Rules
import XMLDocuments

/// One rule file as read from disk: its root element, checked to be
/// `<rules version="1">` and, when a schema is given, valid against it.
public struct RuleFile: Sendable {
    /// The rule language versions this mailroute reads.
    public static let supportedVersions = ["1"]

    /// The path the file was read from, as locations name it.
    public let path: String
    /// The `<rules>` element.
    public let root: XMLElement
    /// Lines (`file:line`) the schema complained about; the loader's own
    /// checks do not repeat a problem there.
    public let schemaLines: Set<String>
    /// The schema's own diagnostics for this file.
    public let schemaDiagnostics: Set<RuleDiagnostic>

    /// Reads the file at `path`; nil, with problems recorded, when it cannot
    /// be read or is not XML. Schema violations are recorded and the file is
    /// still returned, so that every other problem is found in the same run.
    public static func read(
        _ path: String, schema: XMLSchema?, includedAt include: SourceLocation?, log: inout DiagnosticLog
    ) -> RuleFile? {
        var schemaProblems: [XMLDiagnostic] = []
        let document: XMLDocument
        do {
            do {
                document = try XMLDocument(contentsOf: path, validatingAgainst: schema)
            } catch .invalid(let violations) {
                schemaProblems = violations
                document = try XMLDocument(contentsOf: path)
            }
        } catch .unreadable(_, let reason) {
            if let include {
                log.error("cannot include \(path): \(reason)", at: include)
            } else {
                log.error("cannot read the rule file: \(reason)", at: SourceLocation(file: path, line: 1, column: 1))
            }
            return nil
        } catch {
            let diagnostics = error.diagnostics
            if diagnostics.isEmpty {
                log.error("\(error)", at: include ?? SourceLocation(file: path, line: 1, column: 1))
            }
            log.append(contentsOf: diagnostics.map(RuleDiagnostic.init))
            return nil
        }
        let root = document.root
        // The root and its version are checked before the schema's findings are
        // reported: a file of another version is not expected to follow this
        // version's schema, and its schema errors would only hide the real problem.
        if root.name != "rules" {
            log.error("the root element is <\(root.name)>; a rule file starts with <rules version=\"1\">", at: root.location)
            return nil
        }
        if let version = log.required("version", of: root), !supportedVersions.contains(version) {
            log.error(
                "version is \"\(version)\"; this mailroute reads rule files of version "
                    + supportedVersions.joined(separator: ", "),
                at: log.location(of: "version", in: root))
            return nil
        }
        let schemaDiagnostics = schemaProblems.map(RuleDiagnostic.init)
        log.append(contentsOf: schemaDiagnostics)
        log.append(contentsOf: document.warnings.map(RuleDiagnostic.init))
        let lines = Set(schemaProblems.map { "\($0.location.file):\($0.location.line)" })
        return RuleFile(path: path, root: root, schemaLines: lines, schemaDiagnostics: Set(schemaDiagnostics))
    }

    /// The `<include>` elements with the paths they name, resolved against this file's directory.
    public var includes: [(element: XMLElement, path: String)] {
        root.children(named: "include").compactMap { element in
            element[attribute: "href"].map { (element, PathNames.resolve($0, against: PathNames.directory(of: path))) }
        }
    }
}
