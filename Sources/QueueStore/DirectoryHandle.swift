import Glibc

/// A directory the store keeps open (its root, a ledger's staging
/// directory), so that the files of every delivery are created, moved and
/// linked by names relative to it: the kernel then walks one or two path
/// components per call instead of the whole path, and no path is built
/// unless an error must name it.
final class DirectoryHandle: Sendable {
    /// The directory's path, for error messages.
    let path: String
    let descriptor: Int32

    /// Opens the directory at `path`, which must exist.
    init(_ path: String) throws(StoreError) {
        self.path = path
        descriptor = try FileSystem.open(.path(path), O_RDONLY | O_DIRECTORY)
    }

    deinit { _ = close(descriptor) }

    /// The file called `name` in this directory (`name` may hold slashes).
    func file(_ name: String) -> FileLocation {
        FileLocation(directory: descriptor, name: name, directoryPath: path)
    }
}
