/// A mailbox owner on a test ``Dovecot``: the login and the password, stored
/// in clear (`{PLAIN}`) so that APOP and CRAM-MD5 work as well as USER/PASS,
/// LOGIN and AUTHENTICATE PLAIN.
public struct MailUser: Sendable, Hashable {
    /// The login, used exactly as given (Dovecot does not lowercase it here).
    public var name: String
    /// The password, in clear.
    public var password: String

    /// A user; ``Dovecot/start(users:extraConfig:)`` checks that both fit in a passwd-file.
    public init(name: String, password: String) {
        self.name = name
        self.password = password
    }

    /// Why this user cannot be written to a passwd-file line, or nil when it can.
    /// The name doubles as a directory name, so it is restricted to a safe alphabet.
    var problem: String? {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._@+-")
        if name.isEmpty || name.count > 64 || name == "." || name == ".." || !name.allSatisfy(allowed.contains) {
            return "names are 1 to 64 characters of A-Z a-z 0-9 . _ @ + - (and not . or ..)"
        }
        if password.isEmpty || password.contains(where: { $0 == ":" || $0.isNewline || $0 == "\0" }) {
            return "the password must be non-empty, without ':', line breaks or NUL (passwd-file fields)"
        }
        return nil
    }
}
