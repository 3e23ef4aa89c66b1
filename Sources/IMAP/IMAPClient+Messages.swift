/// Searching, flagging, moving and expunging messages of the selected folder.
extension IMAPClient {
    /// The UIDs of the messages matching `criteria` (UID SEARCH), ascending.
    public func search(_ criteria: IMAPSearchCriteria) throws(IMAPError) -> [UInt32] {
        try perform { () throws(IMAPError) in
            var command = IMAPCommand("UID SEARCH")
            command.add(criteria.description)
            var uids: [UInt32] = []
            try executeOK(command) { kind throws(IMAPError) in
                guard kind == .search else { return false }
                while true {  // each turn reads a number, or ends
                    reader.skipSpaces()
                    guard let byte = reader.peek(), ASCII.digit(byte) != nil else { break }
                    uids.append(UInt32(try reader.number(in: "a SEARCH response")))
                }
                return true
            }
            let lowest = criteria.lowestUID ?? 0
            return uids.filter { $0 >= lowest }.sorted()
        }
    }

    /// Adds `flags` to the messages in `uids` (UID STORE +FLAGS.SILENT).
    public func addFlags(_ flags: [IMAPFlag], to uids: IMAPUIDSet) throws(IMAPError) {
        try perform { () throws(IMAPError) in
            let list = "(" + flags.map(\.name).joined(separator: " ") + ")"
            for chunk in uids.chunks() {
                var command = IMAPCommand("UID STORE")
                command.add(chunk)
                command.add("+FLAGS.SILENT " + list)
                try executeOK(command)
            }
        }
    }

    /// Moves the messages in `uids` to `folder`: UID MOVE when the server
    /// offers MOVE and `configuration.usesMove`, else UID COPY followed by
    /// ``delete(_:)``. The folder must exist (see ``createFolderIfMissing(_:)``).
    /// An empty set sends nothing.
    public func move(_ uids: IMAPUIDSet, to folder: IMAPFolderPath) throws(IMAPError) {
        guard !uids.isEmpty else { return }
        try perform { () throws(IMAPError) in
            let name = try serverName(of: folder)
            let moves = configuration.usesMove && capabilities.offersMove
            for chunk in uids.chunks() {
                var command = IMAPCommand(moves ? "UID MOVE" : "UID COPY")
                command.add(chunk)
                command.addString(name)
                try executeOK(command)
            }
            if !moves { try delete(uids) }
        }
    }

    /// Removes the messages in `uids`: UID STORE \Deleted, then
    /// ``expunge(_:)``. An empty set sends nothing.
    public func delete(_ uids: IMAPUIDSet) throws(IMAPError) {
        guard !uids.isEmpty else { return }
        try perform { () throws(IMAPError) in
            try addFlags([.deleted], to: uids)
            try expunge(uids)
        }
    }

    /// Removes the messages in `uids` that are marked \Deleted: UID EXPUNGE
    /// when the server offers UIDPLUS. Without UIDPLUS it sends EXPUNGE,
    /// which also removes any other message someone marked \Deleted. An
    /// empty set sends nothing.
    public func expunge(_ uids: IMAPUIDSet) throws(IMAPError) {
        guard !uids.isEmpty else { return }
        try perform { () throws(IMAPError) in
            guard capabilities.offersUIDPlus else { return try expunge() }
            for chunk in uids.chunks() {
                var command = IMAPCommand("UID EXPUNGE")
                command.add(chunk)
                try executeOK(command)
            }
        }
    }

    /// Removes every message marked \Deleted in the selected folder (EXPUNGE).
    public func expunge() throws(IMAPError) {
        try perform { () throws(IMAPError) in
            _ = try executeOK(IMAPCommand("EXPUNGE"))
        }
    }
}
