import Glibc

/// Where a file is, for ``FileSystem``: a name relative to an open
/// directory (``DirectoryHandle/file(_:)``), or a path of its own.
struct FileLocation {
    /// The directory `name` is relative to; `AT_FDCWD` for a path.
    let directory: Int32
    let name: String
    /// The directory's path when `directory` is an open one.
    let directoryPath: String?

    /// A path, absolute or relative to the working directory.
    static func path(_ path: String) -> FileLocation {
        FileLocation(directory: AT_FDCWD, name: path, directoryPath: nil)
    }

    /// The whole path, for error messages.
    var path: String {
        directoryPath.map { $0 + "/" + name } ?? name
    }
}
