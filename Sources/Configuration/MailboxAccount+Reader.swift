import MessageModel
import Rules
import XMLDocuments

extension MailboxAccount {
    /// Reads a `<mailbox>` element of a configuration file, checking every
    /// option: each problem is reported with the option, its value and what
    /// would be valid, and the reading goes on so that one run finds them all.
    /// Options the mailbox does not know are warnings naming the nearest known one.
    ///
    /// - Parameter baseDirectory: the configuration file's directory, which
    ///   relative paths (`ca-file`, `<password file>`) are resolved against.
    /// - Returns: the mailbox, or nil when any of its options is an error.
    public static func read(from element: XMLElement, baseDirectory: String, log: inout DiagnosticLog)
        -> MailboxAccount?
    {
        let errorsBefore = log.errorCount
        warnAboutUnknownOptions(of: element, log: &log)
        let (profile, processing) = readProfileOptions(of: element, log: &log)
        let type = readType(of: element, log: &log)
        let server = readServer(of: element, log: &log)
        var login: String?
        if log.required("mailbox", of: element) != nil { login = log.nonEmpty("mailbox", of: element) }
        let password = PasswordSource.read(from: element, baseDirectory: baseDirectory, log: &log)
        // Stand-ins for what is missing (and reported) let every other option be checked too.
        var account = MailboxAccount(
            name: profile?.name ?? element[attribute: "name"] ?? "", type: type ?? .imap,
            server: server ?? element[attribute: "server"] ?? "", login: login ?? "",
            password: password ?? .inline(Secret("")), addressText: profile?.addressText ?? "",
            address: profile?.address ?? Address(localPart: "mailbox", domain: "placeholder.invalid"),
            location: element.location)
        account.processing = processing
        account.applyOptions(of: element, baseDirectory: baseDirectory, log: &log)
        if type != nil { account.checkCombinations(of: element, log: &log) }
        return log.errorCount == errorsBefore ? account : nil
    }

    /// `name`, `address` and the processing options, read by the rule file's
    /// mailbox reader so that they mean the same in both files. The profile is
    /// nil when the name or the address is missing or wrong; the processing
    /// options are checked either way.
    private static func readProfileOptions(of element: XMLElement, log: inout DiagnosticLog)
        -> (MailboxProfile?, ProcessingOverrides)
    {
        let processingNames = Set(ProcessingOverrides.optionNames)
        let options = element.attributes.filter { processingNames.contains($0.name) }
        let asProfile = XMLElement(
            name: element.name, attributes: element.mailboxIdentity.attributes + options, location: element.location)
        if let profile = MailboxProfile.read(from: asProfile, log: &log) {
            return (profile, ProcessingOverrides.read(from: element, profile: profile))
        }
        // The profile reader stops at a bad name or address, which it has
        // reported; stand-ins let it check the options too.
        let standIns = [
            XMLAttribute(name: "name", value: "mailbox", location: element.location),
            XMLAttribute(name: "address", value: "mailbox@placeholder.invalid", location: element.location),
        ]
        let optionsOnly = XMLElement(name: element.name, attributes: standIns + options, location: element.location)
        let checked = MailboxProfile.read(from: optionsOnly, log: &log)
        return (nil, checked.map { ProcessingOverrides.read(from: element, profile: $0) } ?? ProcessingOverrides())
    }

    /// `type`, with GRAPH and EWS refused as not supported yet.
    private static func readType(of element: XMLElement, log: inout DiagnosticLog) -> MailProtocol? {
        guard let text = log.required("type", of: element) else { return nil }
        if let type = MailProtocol(rawValue: text) { return type }
        let valid = DiagnosticLog.list(MailProtocol.allCases.map(\.rawValue))
        let message: String
        switch text {
        case "GRAPH", "EWS":
            let service = text == "GRAPH" ? "Microsoft Graph" : "Exchange Web Services"
            message = "type \(text) (\(service)) is not supported yet; this mailroute reads \(valid) mailboxes"
        default:
            message = "type is \"\(text)\"; valid values are \(valid)"
        }
        log.error(message, at: log.location(of: "type", in: element))
        return nil
    }

    /// `server`: a host name or IP address, so printable ASCII without spaces.
    private static func readServer(of element: XMLElement, log: inout DiagnosticLog) -> String? {
        guard let server = log.required("server", of: element) else { return nil }
        guard !server.isEmpty, server.utf8.allSatisfy({ $0 > 32 && $0 < 127 }) else {
            log.error(
                "server is \"\(server)\"; write a host name or an IP address, such as imap.example.com",
                at: log.location(of: "server", in: element))
            return nil
        }
        return server
    }

    /// Every option not given to the reader through the profile: unknown ones are warnings.
    private static func warnAboutUnknownOptions(of element: XMLElement, log: inout DiagnosticLog) {
        let known = Set(optionNames)
        let owner = element[attribute: "name"].map { "mailbox \"\($0)\": " } ?? ""
        for attribute in element.attributes where !known.contains(attribute.name) {
            let nearest = NearestName.nearest(to: attribute.name, in: optionNames) ?? ""
            log.warning(
                "\(owner)unknown option \(attribute.qualifiedName) is ignored; the nearest known option is \(nearest)",
                at: attribute.location)
        }
    }
}

extension XMLElement {
    /// This `<mailbox>` with only its `name` and `address`: what the rule
    /// file's profile reader needs to read the mailbox's identity.
    var mailboxIdentity: XMLElement {
        XMLElement(
            name: name, attributes: attributes.filter { $0.name == "name" || $0.name == "address" }, location: location)
    }
}
