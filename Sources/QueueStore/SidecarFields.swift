/// Reads the fields both kinds of sidecar share, with errors that name the
/// sidecar and the field.
struct SidecarFields {
    let path: String
    let json: JSONValue

    /// Reads and parses the sidecar at `path`, and checks its format number.
    init(path: String) throws(StoreError) {
        self.path = path
        switch JSONParser.parse(try FileSystem.read(path)) {
        case .failure(let error):
            throw .unreadableSidecar(path: path, reason: "not JSON: \(error)")
        case .success(let json):
            self.json = json
        }
        guard json["format"]?.integerValue == Sidecar.format else {
            throw .unreadableSidecar(path: path, reason: "\"format\" is not \(Sidecar.format)")
        }
    }

    func string(_ key: String) throws(StoreError) -> String {
        guard let value = json[key]?.stringValue else { throw missing(key, "a string") }
        return value
    }

    func optionalString(_ key: String) throws(StoreError) -> String? {
        guard let value = json[key], value != .null else { return nil }
        guard let text = value.stringValue else { throw missing(key, "a string or null") }
        return text
    }

    func integer(_ key: String) throws(StoreError) -> Int64 {
        guard let value = json[key]?.integerValue else { throw missing(key, "an integer") }
        return value
    }

    func strings(_ key: String) throws(StoreError) -> [String] {
        guard let items = json[key]?.arrayValue else { throw missing(key, "an array of strings") }
        var strings: [String] = []
        for item in items {
            guard let text = item.stringValue else { throw missing(key, "an array of strings") }
            strings.append(text)
        }
        return strings
    }

    /// The `source` object, read back into the ledger's name and the identity.
    func source() throws(StoreError) -> (ledger: String, identity: SourceIdentity) {
        guard let source = json["source"], let ledger = source["ledger"]?.stringValue, let kind = source["kind"]?.stringValue
        else { throw missing("source", "an object with \"ledger\" and \"kind\"") }
        switch kind {
        case "imap":
            guard let validity = source["uidvalidity"]?.integerValue.flatMap(UInt32.init(exactly:)),
                let uid = source["uid"]?.integerValue.flatMap(UInt32.init(exactly:))
            else { throw missing("source", "\"uidvalidity\" and \"uid\" for IMAP") }
            return (ledger, .imap(uidValidity: validity, uid: uid))
        case "pop3":
            guard let uidl = source["uidl"]?.stringValue else { throw missing("source", "\"uidl\" for POP3") }
            return (ledger, .pop3(uidl: uidl))
        case "file":
            guard let file = source["path"]?.stringValue, let position = source["position"]?.stringValue else {
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
