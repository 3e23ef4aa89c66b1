import Foundation

/// The few file operations the harness needs, with errors that name the path.
enum HarnessFiles {
    /// Who owns what the harness creates for Dovecot's mail processes.
    struct Owner: Sendable, Hashable {
        var uid: UInt32
        var gid: UInt32
    }

    /// Creates `path` and missing parents with `mode`, owned by `owner` if given.
    static func makeDirectory(_ path: String, mode: Int = 0o755, owner: Owner? = nil) throws(HarnessError) {
        do {
            try FileManager.default.createDirectory(
                atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: mode])
            if let owner { try chown(path, owner) }
        } catch {
            throw .fileFailed(path: path, operation: "create the directory", reason: "\(error)")
        }
    }

    /// Writes `bytes` to `path` (replacing it) with `mode`, owned by `owner` if given.
    static func write(_ bytes: [UInt8], to path: String, mode: Int = 0o644, owner: Owner? = nil) throws(HarnessError) {
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
            if let owner { try chown(path, owner) }
        } catch {
            throw .fileFailed(path: path, operation: "write", reason: "\(error)")
        }
    }

    /// Writes `text` as UTF-8.
    static func write(_ text: String, to path: String, mode: Int = 0o644) throws(HarnessError) {
        try write(Array(text.utf8), to: path, mode: mode)
    }

    /// Renames `source` to `destination` atomically (both in one directory tree).
    static func rename(_ source: String, to destination: String) throws(HarnessError) {
        guard Foundation.rename(source, destination) == 0 else {
            throw .fileFailed(path: destination, operation: "rename \(source) to", reason: String(cString: strerror(errno)))
        }
    }

    /// The names in `path` not starting with a dot; nil if it is not a readable directory.
    static func entries(of path: String) -> [String]? {
        (try? FileManager.default.contentsOfDirectory(atPath: path))?.filter { !$0.hasPrefix(".") }
    }

    /// Whether `path` is a directory.
    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Removes `path` and everything under it; a missing path is fine.
    static func removeTree(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    private static func chown(_ path: String, _ owner: Owner) throws {
        try FileManager.default.setAttributes(
            [.ownerAccountID: NSNumber(value: owner.uid), .groupOwnerAccountID: NSNumber(value: owner.gid)],
            ofItemAtPath: path)
    }
}

/// The last lines of a log file, for error messages.
enum FileTail {
    /// At most `lines` final lines of `path`, or a note that it could not be read.
    static func read(_ path: String, lines: Int) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { return "(\(path) is missing)" }
        let text = String(decoding: data.suffix(64 * 1024), as: UTF8.self)
        let all = text.split(separator: "\n", omittingEmptySubsequences: false)
        return all.suffix(lines).joined(separator: "\n")
    }
}
