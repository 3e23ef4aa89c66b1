import Glibc

/// What a path names, from `stat`, `lstat` or `fstat`: its kind and size.
struct FileStatus {
    /// The kinds of file a mailbox path can lead to.
    enum Kind: Equatable {
        case regular, directory, symbolicLink, fifo, characterDevice, other

        /// The kind with an article, for sentences such as "X is a directory".
        var description: String {
            switch self {
            case .regular: "a regular file"
            case .directory: "a directory"
            case .symbolicLink: "a symbolic link"
            case .fifo: "a FIFO"
            case .characterDevice: "a character device"
            case .other: "a socket or block device"
            }
        }
    }

    let kind: Kind
    let size: Int

    init(_ info: stat) {
        switch info.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .directory
        case S_IFLNK: kind = .symbolicLink
        case S_IFIFO: kind = .fifo
        case S_IFCHR: kind = .characterDevice
        default: kind = .other
        }
        size = Int(info.st_size)
    }

    /// The status of `path`, following a symbolic link at its end.
    static func of(_ path: RawPath) -> Result<FileStatus, SystemError> {
        var info = stat()
        guard stat(path.cString, &info) == 0 else { return .failure(.current) }
        return .success(FileStatus(info))
    }

    /// The status of `name` inside the open directory `directory`, not following links.
    static func of(_ name: [CChar], in directory: Int32) -> Result<FileStatus, SystemError> {
        var info = stat()
        guard fstatat(directory, name + [0], &info, AT_SYMLINK_NOFOLLOW) == 0 else {
            return .failure(.current)
        }
        return .success(FileStatus(info))
    }
}
