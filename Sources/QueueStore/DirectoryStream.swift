import Glibc

/// The names in one directory, read one at a time with `readdir`, so that a
/// queue of any size is listed in constant memory.
///
/// Names starting with a dot (`.`, `..`, hidden files, Maildir++ folders) are
/// skipped. The order is the file system's.
final class DirectoryStream {
    private let handle: OpaquePointer
    /// The directory listed, for error messages.
    let path: String

    /// Opens the directory at `path`.
    init(_ path: String) throws(StoreError) {
        guard let handle = opendir(path) else { throw .lastSystemError("opendir", path) }
        self.handle = handle
        self.path = path
    }

    deinit { closedir(handle) }

    /// The next name, or nil at the end.
    func next() throws(StoreError) -> String? {
        while true {
            errno = 0
            guard let entry = readdir(handle) else {
                if errno != 0 { throw .lastSystemError("readdir", path) }
                return nil
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if !name.hasPrefix(".") { return name }
        }
    }
}
