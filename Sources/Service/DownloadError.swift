import Glibc

/// Why `mailroute fetch` stopped. Messages already written stay in the
/// Maildir (each whole, or absent: never a partial file in `new/`); nothing
/// is ever removed from the server, whatever the error.
public enum DownloadError: Error, Sendable, CustomStringConvertible {
    /// The server, the connection, the password or the TLS settings failed.
    case fetch(FetchError)
    /// A system call on the local Maildir failed: `operation` on `path`, with the errno.
    case maildir(operation: String, path: String, code: Int32)

    /// One line for the operator, naming the server or the local path.
    public var description: String {
        switch self {
        case .fetch(let error):
            return "\(error)"
        case .maildir(let operation, let path, let code):
            return "cannot \(operation) \(path): \(String(cString: strerror(code))) (errno \(code)); "
                + "messages written before are complete, the server is untouched"
        }
    }
}
