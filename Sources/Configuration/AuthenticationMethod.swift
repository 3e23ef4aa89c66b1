/// How a client proves who it is (option `authentication`); which methods
/// a protocol accepts is ``MailProtocol/authenticationMethods``.
///
/// The raw values are the option's values.
public enum AuthenticationMethod: String, Sendable, Hashable, CaseIterable {
    /// POP3: USER/PASS. IMAP: AUTHENTICATE PLAIN when the server lists
    /// AUTH=PLAIN, else LOGIN.
    case auto
    /// POP3 USER and PASS.
    case userPass = "user-pass"
    /// POP3 APOP (RFC 1939): the password never crosses the wire, but the
    /// server must keep it in plain text and offer a timestamp in its greeting.
    case apop
    /// IMAP LOGIN.
    case login
    /// IMAP AUTHENTICATE PLAIN (RFC 4616).
    case plain
}
