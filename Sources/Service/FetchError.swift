import Configuration
import IMAP
import POP3
import QueueStore
import TLS

/// Why a mailbox's cycle failed. The cycle is retried after a backoff; a
/// mailbox is never disabled by a failure. No case carries a password: the
/// protocol errors leave out commands that held one.
public enum FetchError: Error, Sendable, CustomStringConvertible {
    /// The POP3 server or the connection to it failed.
    case pop3(POP3Error)
    /// The IMAP server or the connection to it failed.
    case imap(IMAPError)
    /// The password could not be read from its file or variable.
    case password(PasswordError)
    /// The CA file or TLS settings are unusable.
    case tls(TLSError)
    /// The queue store could not store or record messages; nothing was
    /// removed from the server.
    case store(StoreError)
    /// The POP3 server does not offer UIDL, without which messages cannot
    /// be recognised across sessions (so exactly-once is impossible).
    case uniqueIDsUnavailable(host: String)
    /// The rule file has no mailbox profile of this name (any more).
    case noProfile(mailbox: String)
    /// The storing thread of the mailbox could not be started; nothing was fetched.
    case noStoringThread(mailbox: String, SystemThreadError)

    /// One line for the operator, with the server's reply where there is one.
    public var description: String {
        switch self {
        case .pop3(let error): return "\(error)"
        case .imap(let error): return "\(error)"
        case .password(let error): return "\(error)"
        case .tls(let error): return "\(error)"
        case .store(let error): return "queue store: \(error)"
        case .uniqueIDsUnavailable(let host):
            return "\(host) does not offer UIDL; messages cannot be told apart across sessions, so none are fetched"
        case .noProfile(let mailbox):
            return "the rule file has no <mailbox name=\"\(mailbox)\"> profile; nothing is fetched until it has"
        case .noStoringThread(let mailbox, let error):
            return "no thread to store the messages of mailbox \(mailbox) (\(error)); the process is out of threads or memory, nothing was fetched"
        }
    }
}
