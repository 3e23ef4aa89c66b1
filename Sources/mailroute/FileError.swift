import Glibc

/// A system call on a file failed: which file, what was being done, and the system's reason.
struct FileError: Error, CustomStringConvertible {
    let path: String
    let action: String
    let code: Int32

    var description: String { "cannot \(action) \(path): \(String(cString: strerror(code)))" }
}
