import Glibc

/// The names in a directory, for counting messages without reading them.
enum DirectoryNames {
    /// One name and whether it is a directory (nil when the file system does not say).
    struct Name {
        var name: String
        var isDirectory: Bool?
    }

    /// The names in `path` except `.` and `..`, unsorted; nil when it cannot be listed.
    static func list(_ path: String) -> [Name]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var names: [Name] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name == "." || name == ".." { continue }
            let type = entry.pointee.d_type
            names.append(Name(name: name, isDirectory: type == UInt8(DT_UNKNOWN) ? nil : type == UInt8(DT_DIR)))
        }
        return names
    }

    /// How many names in `path` do not start with a dot (so neither `.` nor
    /// `..`), counted without making a string of any; nil when it cannot be listed.
    static func countVisible(_ path: String) -> Int? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var count = 0
        while let entry = readdir(directory) {
            let first = withUnsafeBytes(of: &entry.pointee.d_name) { $0[0] }
            if first != UInt8(ascii: ".") { count += 1 }
        }
        return count
    }

    /// The size, modification time and kind of `path` without following a link there; nil when it does not exist.
    static func status(_ path: String, followingLinks: Bool = false) -> stat? {
        var status = stat()
        let result = followingLinks ? stat(path, &status) : lstat(path, &status)
        return result == 0 ? status : nil
    }
}
