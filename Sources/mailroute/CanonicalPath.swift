import Glibc

/// The absolute path of a file, links resolved: one name for one file
/// however a command line spells it.
enum CanonicalPath {
    /// `path` made absolute, without `.`, `..` or symbolic links; nil when it does not exist.
    static func of(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
