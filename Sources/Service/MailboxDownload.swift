import Configuration
import Logging

/// `mailroute fetch`: copies the messages of one configured mailbox into a
/// local Maildir, without routing them and without removing or flagging
/// anything on the server (as mpop or mbsync do when told to keep mail).
/// Operators use it to capture a real mailbox as a fixture to replay.
///
/// The session is opened as `mailroute run` opens it (security, CA file,
/// timeouts, authentication, `folder-path`, `enable-debug`), every message
/// is retrieved in one pipelined batch (POP3 RETR or TOP, IMAP one UID FETCH
/// with BODY.PEEK, which leaves \Seen alone), and each is written as the
/// server sent it (CRLF line ends) to its own file in `new/`. Files are made
/// durable in groups (see ``MaildirWriter``). Memory holds one message at a
/// time, whatever the size of the mailbox. Each run copies every message
/// again: running it twice into one Maildir gives two copies of each.
public struct MailboxDownload: Sendable {
    /// The mailbox to copy; `enable-client` is not consulted.
    public var account: MailboxAccount
    /// The Maildir written to, created (with its parents) if missing.
    public var directory: String
    /// Whether to copy only each message's header section (POP3 TOP n 0,
    /// IMAP BODY.PEEK[HEADER]).
    public var headersOnly = false
    /// How many messages to copy, the first ones in the server's order; nil for all.
    public var limit: Int?
    /// The largest message copied, in bytes. Over POP3 a larger one is
    /// skipped with a warning; over IMAP it ends the download with an error,
    /// as the server announces it only once it is on the way.
    public var maximumSize = 256 << 20

    /// A download of every message of `account` into `directory`.
    public init(account: MailboxAccount, directory: String) {
        self.account = account
        self.directory = directory
    }

    /// Connects, lists, copies and logs out (POP3 QUIT without any DELE).
    ///
    /// - Throws: ``DownloadError``. Messages written before the error are in
    ///   `new/`, each complete; nothing is removed from the server.
    public func run(logger: Logger) throws(DownloadError) -> DownloadReport {
        let writer = try MaildirWriter(directory: directory)
        // The folders processed and failed messages are moved to are not
        // used here, so not created on the server either.
        var reading = account
        reading.processedItemsFolderName = nil
        reading.failedItemsFolderName = nil
        reading.moveFailedItems = false
        let session: RemoteMailboxSession
        do {
            let tls = reading.connectionSecurity == .none ? nil : try SessionOpening.tlsContext(caFile: reading.caFile)
            session = try SessionOpening.open(reading, tls: tls, maximumSize: maximumSize, logger: logger)
        } catch {
            throw .fetch(error)
        }
        defer { session.close() }
        var report = DownloadReport()
        var writeFailure: DownloadError?
        do throws(FetchError) {
            let listing = try session.list()
            report.listed = listing.count
            let chosen = limit.map { Array(listing.prefix(max(0, $0))) } ?? listing
            let part: RemotePart = headersOnly ? .header : .message
            try session.retrieve(chosen, part: { _ in part }, maximumSize: maximumSize) { message, result in
                guard writeFailure == nil else { return }
                switch result {
                case .retrieved(let bytes):
                    do throws(DownloadError) {
                        try writer.write(bytes)
                        report.written += 1
                        report.octets += bytes.count
                    } catch {
                        // Nothing more can be written: end the transfer rather than read the rest for nothing.
                        writeFailure = error
                        session.close()
                    }
                case .tooLarge(let limit):
                    report.skipped += 1
                    logger.warning("skipped: larger than \(limit) bytes", metadata: ["uid": "\(message.uniqueID)"])
                case .refused(let reason):
                    report.skipped += 1
                    logger.warning("skipped: the server refused it: \(reason)", metadata: ["uid": "\(message.uniqueID)"])
                }
            }
        } catch {
            if let writeFailure { throw writeFailure }
            // What arrived whole before the failure is kept.
            try writer.commit()
            throw .fetch(error)
        }
        if let writeFailure { throw writeFailure }
        try writer.commit()
        do {
            try session.finish()
        } catch {
            throw .fetch(error)
        }
        return report
    }
}
