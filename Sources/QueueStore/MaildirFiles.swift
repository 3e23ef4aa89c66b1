/// The message files of a Maildir, `new/` then `cur/`, read one name at a
/// time (constant memory, the file system's order). Files a mail tool moved
/// to `cur/` keep their name before the `:2,` flags, which is how the store
/// finds their sidecars.
final class MaildirFiles {
    private let directory: String
    private var pending: [String]
    private var stream: DirectoryStream?
    private var current = ""

    /// Lists the Maildir at `directory`; nil lists nothing (a queue never created).
    init(_ directory: String?) {
        self.directory = directory ?? ""
        pending = directory == nil ? [] : ["new", "cur"]
    }

    /// The next file's path and its name without flags; nil at the end.
    func next() throws(StoreError) -> (path: String, name: String)? {
        while true {
            if let stream, let file = try stream.next() {
                let name = file.split(separator: ":", maxSplits: 1).first.map(String.init) ?? file
                return ("\(directory)/\(current)/\(file)", name)
            }
            guard !pending.isEmpty else { return nil }
            current = pending.removeFirst()
            stream = try DirectoryStream("\(directory)/\(current)")
        }
    }
}
