import Rules
import XMLDocuments

extension PasswordSource {
    /// Reads the password of a `<mailbox>`: its `password` attribute, or its
    /// one `<password file="..."/>` or `<password env="..."/>` child. Any other
    /// child element is an error. Nothing is read from the file or the
    /// environment here; that happens when the mailbox is polled.
    static func read(from mailbox: XMLElement, baseDirectory: String, log: inout DiagnosticLog)
        -> PasswordSource?
    {
        var elements: [XMLElement] = []
        for child in mailbox.children {
            if child.name == "password" {
                elements.append(child)
            } else {
                log.error(
                    "<mailbox> has no child element <\(child.name)>; its one child element is <password>",
                    at: child.location)
            }
        }
        let attribute = mailbox.attribute(named: "password")
        if let extra = elements.dropFirst().first {
            log.error("<mailbox> has more than one <password>; keep one", at: extra.location)
            return nil
        }
        switch (attribute, elements.first) {
        case (let attribute?, let element?):
            log.error(
                "the password is given twice, by the password attribute (\(attribute.location)) "
                    + "and by <password>; keep one", at: element.location)
            return nil
        case (let attribute?, nil):
            guard !attribute.value.isEmpty else {
                log.error(
                    "password is empty; write the password, or use <password file=\"...\"/> "
                        + "or <password env=\"...\"/>", at: attribute.location)
                return nil
            }
            return .inline(Secret(attribute.value))
        case (nil, let element?):
            return read(element, baseDirectory: baseDirectory, log: &log)
        case (nil, nil):
            log.error(
                "<mailbox> needs a password: a password attribute, or a <password file=\"...\"/> or "
                    + "<password env=\"...\"/> child that says where to read it", at: mailbox.location)
            return nil
        }
    }

    /// `<password file="..."/>` or `<password env="..."/>`.
    private static func read(_ element: XMLElement, baseDirectory: String, log: inout DiagnosticLog)
        -> PasswordSource?
    {
        let errorsBefore = log.errorCount
        log.rejectUnknownAttributes(of: element, known: ["file", "env"])
        let file = element[attribute: "file"], variable = element[attribute: "env"]
        switch (file, variable) {
        case (let file?, nil) where !file.isEmpty:
            let path = PathNames.resolve(file, against: baseDirectory)
            return log.errorCount == errorsBefore ? .file(path) : nil
        case (nil, let variable?) where isVariableName(variable):
            return log.errorCount == errorsBefore ? .environmentVariable(variable) : nil
        case (_?, _?):
            log.error("<password> names both a file and an environment variable; keep one", at: element.location)
        case (nil, nil):
            log.error("<password> needs a file or an env attribute", at: element.location)
        case (_?, nil):
            log.error(
                "file is empty; write the path of the file that holds the password",
                at: log.location(of: "file", in: element))
        case (nil, let variable?):
            log.error(
                "env is \"\(variable)\", which is not an environment variable name "
                    + "(a letter or _, then letters, digits or _)",
                at: log.location(of: "env", in: element))
        }
        return nil
    }

    /// `[A-Za-z_][A-Za-z0-9_]*`, as POSIX shells accept.
    private static func isVariableName(_ name: String) -> Bool {
        guard let first = name.utf8.first, !(48...57).contains(first) else { return false }
        return name.utf8.allSatisfy { byte in
            byte == UInt8(ascii: "_") || (48...57).contains(byte) || (65...90).contains(byte)
                || (97...122).contains(byte)
        }
    }
}
