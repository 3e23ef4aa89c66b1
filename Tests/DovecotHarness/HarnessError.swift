/// Why a test server could not be started, driven or stopped. Every message
/// names the program, file, port or user involved and, for a server that
/// failed, ends with the tail of its log. Passwords never appear.
public enum HarnessError: Error, Sendable, CustomStringConvertible {
    /// A program the harness runs is not installed.
    case programMissing(name: String, searched: [String])
    /// A helper command (openssl, doveconf) failed; `output` is what it printed.
    case commandFailed(command: String, status: String, output: String)
    /// Dovecot exited or never became ready; `log` is the tail of its output and log file.
    case serverFailed(reason: String, log: String)
    /// A user name or password that cannot be written to Dovecot's passwd-file.
    case invalidUser(name: String, reason: String)
    /// A folder name the harness cannot map onto Dovecot's Maildir++ layout.
    case invalidFolder(name: String, reason: String)
    /// A file or directory operation failed.
    case fileFailed(path: String, operation: String, reason: String)
    /// A socket operation failed.
    case socketFailed(operation: String, port: Int, reason: String)
    /// A peer sent nothing, or accepted nothing, for `after`.
    case timedOut(waitingFor: String, port: Int, after: Duration)
    /// A line longer than `limit` bytes arrived.
    case lineTooLong(port: Int, limit: Int)
    /// A TLS handshake, read or write failed.
    case tlsFailed(port: Int, reason: String)

    /// One paragraph for the person running the tests.
    public var description: String {
        switch self {
        case .programMissing(let name, let searched):
            return "\(name) is not installed (looked in \(searched.joined(separator: ":"))); "
                + "run `bash .ci/install-deps`, which installs Debian's dovecot-imapd, dovecot-pop3d and openssl"
        case .commandFailed(let command, let status, let output):
            return "`\(command)` \(status):\n\(output)"
        case .serverFailed(let reason, let log):
            return "Dovecot: \(reason)\n--- last lines of its output and log ---\n\(log)"
        case .invalidUser(let name, let reason):
            return "test user '\(name)': \(reason)"
        case .invalidFolder(let name, let reason):
            return "test folder '\(name)': \(reason)"
        case .fileFailed(let path, let operation, let reason):
            return "cannot \(operation) \(path): \(reason)"
        case .socketFailed(let operation, let port, let reason):
            return "\(operation) on 127.0.0.1:\(port) failed: \(reason)"
        case .timedOut(let waitingFor, let port, let after):
            return "127.0.0.1:\(port): no \(waitingFor) within \(after)"
        case .lineTooLong(let port, let limit):
            return "127.0.0.1:\(port): a line longer than \(limit) bytes"
        case .tlsFailed(let port, let reason):
            return "127.0.0.1:\(port): TLS: \(reason)"
        }
    }
}
