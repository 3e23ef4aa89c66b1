import Glibc

extension PasswordSource {
    /// The largest password file read: passwords and tokens are far smaller,
    /// and a larger file is a wrong path, not a password.
    public static let maximumFileBytes = 64 * 1024

    /// Looks a variable up in this process's environment.
    public static func processEnvironment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// The password, read now: the inline one, the file's contents without one
    /// trailing line break (`\n` or `\r\n`, as editors and `echo` leave), or the
    /// variable's value.
    ///
    /// Reading a file blocks: call this from the thread that polls the mailbox.
    /// - Parameters:
    ///   - mailbox: the mailbox's name, for the error.
    ///   - environment: how variables are looked up; the process environment unless a test says otherwise.
    /// - Throws: ``PasswordError`` naming `mailbox` and the file or variable, never the password.
    public func resolve(
        mailbox: String, environment: (String) -> String? = PasswordSource.processEnvironment
    ) throws(PasswordError) -> Secret {
        switch self {
        case .inline(let secret):
            return secret
        case .environmentVariable(let name):
            guard let value = environment(name) else { throw .variableNotSet(mailbox: mailbox, variable: name) }
            guard !value.isEmpty else { throw .emptyVariable(mailbox: mailbox, variable: name) }
            return Secret(value)
        case .file(let path):
            var bytes = try SecretFile.read(path, limit: Self.maximumFileBytes, mailbox: mailbox)
            if bytes.last == UInt8(ascii: "\n") { bytes.removeLast() }
            if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
            guard !bytes.isEmpty else { throw .emptyFile(mailbox: mailbox, path: path) }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw .notText(mailbox: mailbox, path: path)
            }
            return Secret(text)
        }
    }
}
