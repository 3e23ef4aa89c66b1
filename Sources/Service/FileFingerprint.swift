#if canImport(Glibc)
import Glibc
#endif

/// What a set of files looked like: modification time, size and inode of
/// each (or that it was missing), so a change made by an editor, `cp` or an
/// atomic rename is noticed without reading the files.
struct FileFingerprint: Hashable, Sendable {
    private struct Entry: Hashable, Sendable {
        var path: String
        var exists: Bool
        var modified: Int
        var modifiedNanoseconds: Int
        var size: Int
        var inode: UInt64
    }

    private let entries: [Entry]

    /// Reads the status of every file in `paths`.
    init(of paths: [String]) {
        entries = paths.map { path in
            var status = stat()
            guard stat(path, &status) == 0 else {
                return Entry(path: path, exists: false, modified: 0, modifiedNanoseconds: 0, size: 0, inode: 0)
            }
            return Entry(
                path: path, exists: true, modified: status.st_mtim.tv_sec, modifiedNanoseconds: status.st_mtim.tv_nsec,
                size: Int(status.st_size), inode: UInt64(status.st_ino))
        }
    }
}
