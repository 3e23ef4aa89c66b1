import Rules
import XMLDocuments

extension MailboxAccount {
    /// The checks that concern several options at once: what the protocol
    /// allows, folders that would loop, and settings that silently do nothing.
    func checkCombinations(of element: XMLElement, log: inout DiagnosticLog) {
        if !type.authenticationMethods.contains(authentication) {
            let valid = DiagnosticLog.list(type.authenticationMethods.map(\.rawValue))
            log.error(
                "authentication is \(authentication.rawValue), which \(type.rawValue) does not have; "
                    + "valid values for \(type.rawValue) are \(valid)",
                at: log.location(of: "authentication", in: element))
        }
        if caFile != nil, connectionSecurity == .none {
            log.warning(
                "ca-file is not used: pop-connection-security is none, so no certificate is checked",
                at: log.location(of: "ca-file", in: element))
        }
        if element[attribute: "pop-connection-security"] == nil, !isLoopback(server) {
            log.warning(
                "mailbox \"\(name)\": pop-connection-security is not set, so the password goes to \(server) "
                    + "unencrypted; set it to start-tls-required or ssl-tls, or to none if that is meant",
                at: element.location)
        }
        switch type {
        case .pop3: warnAboutIMAPOptions(of: element, log: &log)
        case .imap: checkFolders(of: element, log: &log)
        }
    }

    /// Folder options on a POP3 mailbox, which has no folders.
    private func warnAboutIMAPOptions(of element: XMLElement, log: inout DiagnosticLog) {
        for name in Self.imapOnlyOptionNames {
            guard let attribute = element.attribute(named: name) else { continue }
            log.warning(
                "\(name) applies to IMAP mailboxes only; mailbox \"\(self.name)\" is POP3, so it is ignored",
                at: attribute.location)
        }
    }

    /// The processed and failed folders of an IMAP mailbox.
    private func checkFolders(of element: XMLElement, log: inout DiagnosticLog) {
        let folders = [
            ("processed-items-folder-name", processedItemsFolderName),
            ("failed-items-folder-name", failedItemsFolderName),
        ]
        for (option, folder) in folders where folder == folderPath {
            log.error(
                "\(option) is \(folderPath), the folder being read (folder-path); messages moved there would be "
                    + "read again", at: log.location(of: option, in: element))
        }
        if moveFailedItems, failedItemsFolderName == nil {
            log.error(
                "move-failed-ews-item is true but failed-items-folder-name is not set; name the folder that "
                    + "messages which fail are moved to", at: log.location(of: "move-failed-ews-item", in: element))
        }
        if leaveMessageOnServer, processedItemsFolderName != nil {
            log.warning(
                "processed-items-folder-name is not used while leave-msg-on-server is true: processed messages "
                    + "stay in \(folderPath)", at: log.location(of: "processed-items-folder-name", in: element))
        }
    }

    /// Whether `host` is this machine, where an unencrypted password goes nowhere.
    private func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
