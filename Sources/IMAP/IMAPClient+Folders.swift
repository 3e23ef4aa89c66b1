/// Folders: the hierarchy delimiter, SELECT, LIST and CREATE.
extension IMAPClient {
    /// One `* LIST` response.
    struct ListEntry {
        var attributes: [String]
        var delimiter: Character?
        var name: [UInt8]
    }

    /// Opens `folder` for reading and changing messages.
    ///
    /// - Returns: UIDVALIDITY, EXISTS and UIDNEXT as the server reported them.
    /// - Throws: `.folderPathInvalid`; `.commandFailed` with the server's
    ///   text when the folder does not exist or cannot be opened;
    ///   `.protocolViolation` when the server gives no UIDVALIDITY.
    public func select(_ folder: IMAPFolderPath) throws(IMAPError) -> IMAPMailboxStatus {
        try perform { () throws(IMAPError) in
            let name = try serverName(of: folder)
            var command = IMAPCommand("SELECT")
            command.addString(name)
            selected = nil
            selection = SelectionResponses()
            let status = try executeOK(command)
            guard let uidValidity = selection.uidValidity else {
                throw .protocolViolation(host: host, port: port, detail: "SELECT \(name) reported no UIDVALIDITY")
            }
            let result = IMAPMailboxStatus(
                folder: folder, serverName: name, uidValidity: uidValidity, exists: selection.exists ?? 0,
                uidNext: selection.uidNext, isReadOnly: status.code == .readOnly)
            selected = result
            return result
        }
    }

    /// Whether `folder` exists and can be selected (LIST).
    public func folderExists(_ folder: IMAPFolderPath) throws(IMAPError) -> Bool {
        try perform { () throws(IMAPError) in
            let name = try serverName(of: folder)
            let wanted = Array(name.utf8)
            return try list(name).contains { entry in
                !entry.attributes.contains(where: Self.unselectable)
                    && (folder.isInbox ? entry.name.map(ASCII.upper) : entry.name) == wanted
            }
        }
    }

    /// Creates `folder` (and, on most servers, its parents) unless it
    /// exists; says whether it created it. Used for the processed and
    /// failed folders.
    ///
    /// - Throws: `.commandFailed` with the server's text when CREATE fails
    ///   for another reason than the folder existing.
    @discardableResult
    public func createFolderIfMissing(_ folder: IMAPFolderPath) throws(IMAPError) -> Bool {
        try perform { () throws(IMAPError) in
            if try folderExists(folder) { return false }
            var command = IMAPCommand("CREATE")
            command.addString(try serverName(of: folder))
            let status = try execute(command)
            if status.condition == .ok { return true }
            if status.code == .alreadyExists { return false }
            throw .commandFailed(
                host: host, port: port, command: command.summary, status: status.condition.rawValue, text: status.text)
        }
    }

    /// The name of `folder` on this server.
    func serverName(of folder: IMAPFolderPath) throws(IMAPError) -> String {
        if folder.isInbox { return "INBOX" }
        return try folder.serverName(delimiter: hierarchyDelimiter())
    }

    /// The server's hierarchy delimiter (`LIST "" ""`), asked once.
    private func hierarchyDelimiter() throws(IMAPError) -> Character? {
        if let delimiter { return delimiter }
        let found = try list("").first?.delimiter
        delimiter = .some(found)
        return found
    }

    /// The LIST responses for the mailbox pattern `pattern`.
    private func list(_ pattern: String) throws(IMAPError) -> [ListEntry] {
        var command = IMAPCommand("LIST")
        command.addString("")
        command.addString(pattern)
        var entries: [ListEntry] = []
        try executeOK(command) { kind throws(IMAPError) in
            guard kind == .list else { return false }
            entries.append(try readListEntry())
            return true
        }
        return entries
    }

    /// The rest of a `* LIST` response: attributes, delimiter, name.
    private func readListEntry() throws(IMAPError) -> ListEntry {
        let context = "a LIST response"
        reader.skipSpaces()
        let attributes = try reader.flagList(in: context)
        reader.skipSpaces()
        let delimiter = try reader.nstring(limit: 16, in: context)
        reader.skipSpaces()
        let name = try reader.astring(limit: 16_384, in: context)
        let character = delimiter.flatMap { $0.count == 1 ? Character(Unicode.Scalar($0[0])) : nil }
        return ListEntry(attributes: attributes, delimiter: character, name: name)
    }

    /// Whether a LIST attribute says the name cannot be selected.
    private static func unselectable(_ attribute: String) -> Bool {
        let lowered = attribute.lowercased()
        return lowered == "\\noselect" || lowered == "\\nonexistent"
    }
}
