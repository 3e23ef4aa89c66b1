import Network

/// The protocol a mailbox is read with (Genesys `type`).
///
/// The raw values are the option's values. Genesys also has GRAPH and EWS;
/// the configuration reader rejects those as not supported yet.
public enum MailProtocol: String, Sendable, Hashable, CaseIterable {
    /// POP3 (RFC 1939).
    case pop3 = "POP3"
    /// IMAP4rev1 (RFC 3501).
    case imap = "IMAP"

    /// The port used when the configuration names none: the protocol's
    /// implicit-TLS port with `ssl-tls`, its plain port otherwise (STARTTLS
    /// starts on the plain port).
    public func defaultPort(security: TransportSecurity) -> Int {
        switch (self, security) {
        case (.pop3, .implicitTLS): 995
        case (.pop3, _): 110
        case (.imap, .implicitTLS): 993
        case (.imap, _): 143
        }
    }

    /// The authentication methods that can be configured for this protocol, `auto` first.
    public var authenticationMethods: [AuthenticationMethod] {
        switch self {
        case .pop3: [.auto, .userPass, .apop]
        case .imap: [.auto, .login, .plain]
        }
    }
}
