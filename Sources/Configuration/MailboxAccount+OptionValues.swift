import Rules
import XMLDocuments

extension MailboxAccount {
    /// Sets every option that has a default from `element`, each checked
    /// against its valid values; a wrong value is reported and the default kept.
    mutating func applyOptions(of element: XMLElement, baseDirectory: String, log: inout DiagnosticLog) {
        enableClient = log.boolean("enable-client", of: element, default: enableClient)
        connectionSecurity = log.choice("pop-connection-security", of: element, default: connectionSecurity)
        if element[attribute: "port"] != nil {
            explicitPort = log.integer("port", of: element, in: Self.portRange, default: port)
        }
        authentication = log.choice("authentication", of: element, default: authentication)
        caFile = log.nonEmpty("ca-file", of: element).map { PathNames.resolve($0, against: baseDirectory) }
        connectTimeout = log.duration("connect-timeout", of: element, in: Self.timeoutRange, default: connectTimeout)
        protocolTimeout = log.duration(
            "protocol-timeout", of: element, in: Self.timeoutRange, default: protocolTimeout)
        cycleTime = log.duration("cycle-time", of: element, in: Self.cycleTimeRange, default: cycleTime)
        maximumMessageNumber = log.integer(
            "maximum-msg-number", of: element, in: Self.maximumMessageNumberRange, default: maximumMessageNumber)
        leaveMessageOnServer = log.boolean("leave-msg-on-server", of: element, default: leaveMessageOnServer)
        deleteBadFormattedMessage = log.boolean(
            "delete-bad-formatted-msg", of: element, default: deleteBadFormattedMessage)
        folderPath = log.nonEmpty("folder-path", of: element) ?? folderPath
        folderSeparator = readFolderSeparator(of: element, log: &log) ?? folderSeparator
        processedItemsFolderName = log.nonEmpty("processed-items-folder-name", of: element)
        failedItemsFolderName = log.nonEmpty("failed-items-folder-name", of: element)
        moveFailedItems = log.boolean("move-failed-ews-item", of: element, default: moveFailedItems)
        enableDebug = log.boolean("enable-debug", of: element, default: enableDebug)
        enableMessageIDCheck = log.boolean("enable-message-id-check", of: element, default: enableMessageIDCheck)
    }

    /// `folder-separator`: one printable ASCII character other than a space.
    private func readFolderSeparator(of element: XMLElement, log: inout DiagnosticLog) -> Character? {
        guard let text = element[attribute: "folder-separator"] else { return nil }
        guard text.utf8.count == 1, let byte = text.utf8.first, byte > 32, byte < 127 else {
            log.error(
                "folder-separator is \"\(text)\"; write one character other than a space, such as / or .",
                at: log.location(of: "folder-separator", in: element))
            return nil
        }
        return Character(Unicode.Scalar(byte))
    }
}
