/// A folder as the configuration names it: Genesys `folder-path` split on
/// `folder-separator` (`Support/Claims` with `/`, `Support.Claims` with `.`).
/// The client joins the components with the server's own hierarchy
/// delimiter and encodes each in modified UTF-7, so the same folder can be
/// configured whatever the server uses.
public struct IMAPFolderPath: Sendable, Hashable, CustomStringConvertible {
    /// The path as configured.
    public let path: String
    /// The folder names from the top of the hierarchy down; empty names
    /// (doubled or trailing separators) are dropped.
    public let components: [String]

    /// `path` split on `separator`.
    public init(_ path: String, separator: Character = "/") {
        self.path = path
        self.components = path.split(separator: separator).map(String.init)
    }

    /// The INBOX.
    public static let inbox = IMAPFolderPath("INBOX")

    /// Whether this is the INBOX, whose name is case-insensitive.
    public var isInbox: Bool { components.count == 1 && components[0].uppercased() == "INBOX" }

    /// The configured path.
    public var description: String { path }

    /// The mailbox name to send to a server whose hierarchy delimiter is
    /// `delimiter` (nil: a flat server), in modified UTF-7.
    ///
    /// - Throws: `.folderPathInvalid` when the path is empty, when a
    ///   component contains the delimiter (it would name another folder), or
    ///   when a flat server is asked for a nested folder.
    func serverName(delimiter: Character?) throws(IMAPError) -> String {
        guard !components.isEmpty else {
            throw .folderPathInvalid(path: path, reason: "names no folder")
        }
        if isInbox { return "INBOX" }
        guard let delimiter else {
            guard components.count == 1 else {
                throw .folderPathInvalid(
                    path: path, reason: "the server has no folder hierarchy, so a nested folder cannot exist")
            }
            return ModifiedUTF7.encode(components[0])
        }
        if let clash = components.first(where: { $0.contains(delimiter) }) {
            throw .folderPathInvalid(
                path: path,
                reason: "the folder name '\(clash)' contains '\(delimiter)', the server's hierarchy delimiter; set folder-separator to '\(delimiter)' if it separates folders")
        }
        var names = components.map(ModifiedUTF7.encode)
        if names[0].uppercased() == "INBOX" { names[0] = "INBOX" }
        return names.joined(separator: String(delimiter))
    }
}
