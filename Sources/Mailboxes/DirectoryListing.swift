import Glibc

/// The names in one directory, as `readdir` gives them, without `.` and `..`.
///
/// Names stay bytes (see ``RawPath``). The order is the file system's:
/// callers sort.
struct DirectoryListing {
    /// One name in the directory and what it names, without following links.
    struct Entry {
        /// The name, without NUL.
        let name: [CChar]
        let kind: FileStatus.Kind?

        /// Whether the name starts with a dot: hidden by convention, and where
        /// Maildir++ keeps its folders.
        var isHidden: Bool { name.first == CChar(UInt8(ascii: ".")) }
    }

    let entries: [Entry]

    /// Lists `path`. A kind the directory entry does not carry (`DT_UNKNOWN`,
    /// on some file systems) is looked up with `fstatat`; `nil` if even that fails.
    static func read(_ path: RawPath) -> Result<DirectoryListing, SystemError> {
        guard let directory = opendir(path.cString) else { return .failure(.current) }
        defer { closedir(directory) }
        var entries: [Entry] = []
        while true {
            errno = 0
            guard let entry = readdir(directory) else {
                if errno != 0 { return .failure(.current) }
                return .success(DirectoryListing(entries: entries))
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                let length = raw.firstIndex(of: 0) ?? raw.count
                return [CChar](unsafeUninitializedCapacity: length) { buffer, count in
                    UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[..<length]))
                    count = length
                }
            }
            if name == [46] || name == [46, 46] { continue }
            var kind = Self.kind(ofDirectoryEntryType: entry.pointee.d_type)
            if kind == nil {
                kind = try? FileStatus.of(name, in: dirfd(directory)).get().kind
            }
            entries.append(Entry(name: name, kind: kind))
        }
    }

    private static func kind(ofDirectoryEntryType type: UInt8) -> FileStatus.Kind? {
        switch Int(type) {
        case Int(DT_REG): .regular
        case Int(DT_DIR): .directory
        case Int(DT_LNK): .symbolicLink
        case Int(DT_FIFO): .fifo
        case Int(DT_CHR): .characterDevice
        case Int(DT_UNKNOWN): nil
        default: .other
        }
    }
}
