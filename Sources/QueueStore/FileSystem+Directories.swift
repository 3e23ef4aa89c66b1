import Glibc

extension FileSystem {
    /// Creates the directory at `path` unless it exists, and makes its entry
    /// in the parent durable either way: another thread or process may have
    /// just created it and not yet synced its parent.
    static func makeDirectory(_ path: String) throws(StoreError) {
        if mkdir(path, 0o700) != 0 {
            guard errno == EEXIST else { throw .lastSystemError("mkdir", path) }
            var info = stat()
            guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
                throw .notAStore(path: path, found: "\(path) is a file where a directory belongs")
            }
        }
        try syncDirectory(.path(parent(of: path)))
    }

    /// The names in the directory at `path`, without `.`, `..` and names starting with a dot.
    /// Meant for directories the store keeps small (staging, the list of queues).
    static func names(in path: String) throws(StoreError) -> [String] {
        let stream = try DirectoryStream(path)
        var names: [String] = []
        while let name = try stream.next() { names.append(name) }
        return names
    }

    /// `a/b/c` → `a/b`; `c` → `.`. (Asked for every file a commit places.)
    static func parent(of path: String) -> String {
        var path = path
        return path.withUTF8 { bytes in
            guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return "." }
            return slash == 0 ? "/" : String(decoding: UnsafeBufferPointer(rebasing: bytes[..<slash]), as: UTF8.self)
        }
    }
}
