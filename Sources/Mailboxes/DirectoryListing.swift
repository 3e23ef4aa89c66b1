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
        var entries: [Entry] = []
        return visit(path) { name, kind in
            entries.append(Entry(name: Array(name.assumingMemoryBound(to: CChar.self)), kind: kind))
        }.map { DirectoryListing(entries: entries) }
    }

    /// Calls `body` with each name in `path` (its bytes, without NUL; valid
    /// only during the call) and its kind, as ``read(_:)`` finds them,
    /// without making an array per name.
    static func visit(
        _ path: RawPath, _ body: (_ name: UnsafeRawBufferPointer, _ kind: FileStatus.Kind?) -> Void
    ) -> Result<Void, SystemError> {
        guard let directory = opendir(path.cString) else { return .failure(.current) }
        defer { closedir(directory) }
        while true {
            errno = 0
            guard let entry = readdir(directory) else {
                if errno != 0 { return .failure(.current) }
                return .success(())
            }
            withUnsafeBytes(of: entry.pointee.d_name) { raw in
                let name = UnsafeRawBufferPointer(rebasing: raw[..<(raw.firstIndex(of: 0) ?? raw.count)])
                if name.count == 1 && name[0] == 46 || name.count == 2 && name[0] == 46 && name[1] == 46 { return }
                var kind = Self.kind(ofDirectoryEntryType: entry.pointee.d_type)
                if kind == nil {
                    kind = try? FileStatus.of(Array(name.assumingMemoryBound(to: CChar.self)), in: dirfd(directory)).get().kind
                }
                body(name, kind)
            }
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
