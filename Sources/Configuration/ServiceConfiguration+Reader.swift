import Rules
import XMLDocuments

extension ServiceConfiguration {
    /// Reads the `<configuration>` element of `file`, whose root and version
    /// have been checked: the rule file, the queue store and every mailbox,
    /// then the names and addresses that must be unique.
    ///
    /// - Returns: the configuration, or nil when anything in it is an error.
    static func read(root: XMLElement, file: String, version: String, log: inout DiagnosticLog)
        -> ServiceConfiguration?
    {
        let errorsBefore = log.errorCount
        let directory = PathNames.directory(of: file)
        log.rejectUnknownAttributes(of: root, known: ["version"])
        var single: [String: XMLElement] = [:]
        var elements: [XMLElement] = []
        for child in root.children {
            switch child.name {
            case "rule-file", "queue-store":
                if let first = single[child.name] {
                    log.error("<\(child.name)> is already given at \(first.location); keep one", at: child.location)
                } else {
                    single[child.name] = child
                }
            case "mailbox":
                elements.append(child)
            default:
                log.error(
                    "<configuration> has no child element <\(child.name)>; its children are "
                        + "<rule-file>, <queue-store> and <mailbox>", at: child.location)
            }
        }
        let ruleFile = readPath("rule-file", "href", in: single, root: root, directory: directory, log: &log)
        let queueStore = readPath("queue-store", "directory", in: single, root: root, directory: directory, log: &log)
        let mailboxes = elements.compactMap { MailboxAccount.read(from: $0, baseDirectory: directory, log: &log) }
        checkUniqueness(of: elements, log: &log)
        if elements.isEmpty {
            log.error("the configuration declares no <mailbox>; add one for each mailbox to poll", at: root.location)
        } else if mailboxes.count == elements.count, !mailboxes.contains(where: \.enableClient) {
            log.warning("no mailbox has enable-client=\"true\", so mailroute run would poll none", at: root.location)
        }
        guard let ruleFile, let queueStore, log.errorCount == errorsBefore else { return nil }
        return ServiceConfiguration(
            file: file, version: version, ruleFile: ruleFile.path, ruleFileLocation: ruleFile.location,
            queueStoreDirectory: queueStore.path, mailboxes: mailboxes)
    }

    /// The path in attribute `attribute` of the one `<element>`, resolved against `directory`.
    private static func readPath(
        _ element: String, _ attribute: String, in single: [String: XMLElement], root: XMLElement,
        directory: String, log: inout DiagnosticLog
    ) -> (path: String, location: SourceLocation)? {
        guard let found = single[element] else {
            log.error("the configuration has no <\(element) \(attribute)=\"...\"/>", at: root.location)
            return nil
        }
        log.rejectUnknownAttributes(of: found, known: [attribute])
        guard let value = log.required(attribute, of: found) else { return nil }
        guard !value.isEmpty else {
            log.error("\(attribute) of <\(element)> is empty; write a path", at: log.location(of: attribute, in: found))
            return nil
        }
        return (PathNames.resolve(value, against: directory), found.location)
    }

    /// Unique names and addresses, compared as normalised addr-specs as the
    /// rule file compares them; checked on every `<mailbox>` whose name and
    /// address can be read, whatever else is wrong with it.
    private static func checkUniqueness(of elements: [XMLElement], log: inout DiagnosticLog) {
        var names: [String: XMLElement] = [:]
        var addresses: [String: (name: String, element: XMLElement)] = [:]
        for element in elements {
            // Name and address problems have been reported by the mailbox reader.
            var reported = DiagnosticLog()
            guard let identity = MailboxProfile.read(from: element.mailboxIdentity, log: &reported) else { continue }
            if let first = names[identity.name] {
                log.error("mailbox \"\(identity.name)\" is already defined at \(first.location)", at: element.location)
            } else {
                names[identity.name] = element
            }
            let address = identity.address.normalized
            if let first = addresses[address] {
                log.error(
                    "mailbox address \(address) is already used by mailbox \"\(first.name)\" at \(first.element.location)",
                    at: log.location(of: "address", in: element))
            } else {
                addresses[address] = (identity.name, element)
            }
        }
    }
}
