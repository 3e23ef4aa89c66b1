import Reports

/// Reads the fields that interaction sidecars and spool index records share,
/// with errors that name the file (and line) and the field.
struct SidecarFields {
    /// The sidecar's path, or `<index path> line <n>` for a spool record.
    let path: String
    let json: JSONValue

    /// Reads and parses the sidecar at `path`, and checks its format number.
    init(path: String) throws(StoreError) {
        try self.init(bytes: try FileSystem.read(.path(path)), path: path)
    }

    /// Parses one record (`path` says where it was read, for errors) and checks its format number.
    init(bytes: [UInt8], path: String) throws(StoreError) {
        self.path = path
        do throws(JSONSyntaxError) {
            json = try JSONParser.parse(bytes)
        } catch {
            throw .unreadableSidecar(path: path, reason: "not JSON: \(error)")
        }
        guard json["format"]?.integer == Int(Sidecar.format) else {
            throw .unreadableSidecar(path: path, reason: "\"format\" is not \(Sidecar.format)")
        }
    }

    func string(_ key: String) throws(StoreError) -> String {
        guard let value = json[key]?.string else { throw missing(key, "a string") }
        return value
    }

    func optionalString(_ key: String) throws(StoreError) -> String? {
        guard let value = json[key], value != .null else { return nil }
        guard let text = value.string else { throw missing(key, "a string or null") }
        return text
    }

    func integer(_ key: String) throws(StoreError) -> Int64 {
        guard let value = json[key]?.integer.map(Int64.init) else { throw missing(key, "an integer") }
        return value
    }

    func strings(_ key: String) throws(StoreError) -> [String] {
        guard let items = json[key]?.array else { throw missing(key, "an array of strings") }
        var strings: [String] = []
        for item in items {
            guard let text = item.string else { throw missing(key, "an array of strings") }
            strings.append(text)
        }
        return strings
    }

    /// The `source` object, read back into the ledger's name and the identity.
    func source() throws(StoreError) -> (ledger: String, identity: SourceIdentity) {
        guard let source = json["source"], let ledger = source["ledger"]?.string, let kind = source["kind"]?.string
        else { throw missing("source", "an object with \"ledger\" and \"kind\"") }
        switch kind {
        case "imap":
            guard let validity = source["uidvalidity"]?.integer.flatMap(UInt32.init(exactly:)),
                let uid = source["uid"]?.integer.flatMap(UInt32.init(exactly:))
            else { throw missing("source", "\"uidvalidity\" and \"uid\" for IMAP") }
            return (ledger, .imap(uidValidity: validity, uid: uid))
        case "pop3":
            guard let uidl = source["uidl"]?.string else { throw missing("source", "\"uidl\" for POP3") }
            return (ledger, .pop3(uidl: uidl))
        case "file":
            guard let file = source["path"]?.string, let position = source["position"]?.string else {
                throw missing("source", "\"path\" and \"position\" for a file")
            }
            return (ledger, .file(path: file, position: position))
        default:
            throw missing("source", "a known \"kind\" (imap, pop3, file)")
        }
    }

    /// `received_unix_ms` as a time.
    func received() throws(StoreError) -> StoreTimestamp {
        StoreTimestamp(unixMilliseconds: try integer("received_unix_ms"))
    }

    private func missing(_ key: String, _ expected: String) -> StoreError {
        .unreadableSidecar(path: path, reason: "\"\(key)\" is not \(expected)")
    }
}
