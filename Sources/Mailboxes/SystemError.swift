import Glibc

/// An error number left by a failed system call.
///
/// Kept as the number so callers can tell "no such file" from "permission
/// denied"; `message` gives the system's own words for the person reading.
struct SystemError: Error, Equatable {
    let code: Int32

    /// The error of the system call that just failed.
    static var current: SystemError { SystemError(code: errno) }

    /// The system's description of the error, as `strerror` gives it.
    var message: String { String(cString: strerror(code)) }

    /// Whether the error means the path does not lead to anything.
    var meansMissing: Bool { code == ENOENT || code == ENOTDIR }
}
