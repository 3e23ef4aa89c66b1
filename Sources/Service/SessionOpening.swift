import Configuration
import IMAP
import Logging
import Network
import POP3
import TLS

/// Opens a logged-in session with a configured mailbox, POP3 or IMAP, the
/// way `mailroute run` opens one for a cycle: the password read now, TLS
/// verified against the mailbox's `ca-file` or the system trust store, the
/// protocol exchange logged at debug level (redacted) with `enable-debug`.
enum SessionOpening {
    /// A client TLS context trusting `caFile`, or the system trust store when nil.
    /// (Made only for mailboxes whose `pop-connection-security` is not `none`:
    /// loading the system trust store costs a process start 80 ms of CPU time.)
    static func tlsContext(caFile: String?) throws(FetchError) -> TLSContext {
        do {
            return try TLSContext(configuration: .client(trustRoots: caFile.map { .caFile($0) } ?? .systemDefault))
        } catch {
            throw .tls(error)
        }
    }

    /// Connects, secures the connection as `pop-connection-security` says
    /// (`tls` may be nil only for `none`) and logs in; for IMAP also creates the processed and failed folders when
    /// missing and selects `folder-path`.
    ///
    /// - Parameter maximumSize: the largest IMAP literal accepted (POP3 takes
    ///   its limit per retrieval).
    /// - Throws: ``FetchError`` naming the server and the reason, never the password.
    static func open(
        _ account: MailboxAccount, tls: TLSContext?, maximumSize: Int, logger: Logger
    ) throws(FetchError) -> RemoteMailboxSession {
        let password: Secret
        do {
            password = try account.resolvePassword()
        } catch {
            throw .password(error)
        }
        // Transcript lines arrive already redacted: no password, no AUTH payload, no message text.
        let debug = account.enableDebug
        switch account.type {
        case .pop3:
            let transcript: POP3Transcript? = debug ? { line in logger.debug("\(line)") } : nil
            return try POP3MailboxSession.open(account, password: password, tls: tls, transcript: transcript)
        case .imap:
            var transcript: (@Sendable (TranscriptLine) -> Void)?
            if debug {
                transcript = { @Sendable line in logger.debug("\(line)") }
            }
            return try IMAPMailboxSession.open(
                account, password: password, tls: tls, maximumSize: maximumSize, transcript: transcript)
        }
    }
}
