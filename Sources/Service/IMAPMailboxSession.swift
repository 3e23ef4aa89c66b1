import Configuration
import IMAP
import Network
import QueueStore
import TLS

/// An IMAP folder for one cycle: messages are known by UIDVALIDITY and UID,
/// listed with UID SEARCH, fetched with one multi-message UID FETCH
/// (BODY.PEEK, so nothing is marked \Seen before it is stored), then moved
/// to the processed or failed folder, or deleted (marked \Deleted and
/// expunged together at ``finish()``), or, left on the server, marked \Seen.
final class IMAPMailboxSession: RemoteMailboxSession {
    private let client: IMAPClient
    private let status: IMAPMailboxStatus
    private let processedFolder: IMAPFolderPath?
    private let failedFolder: IMAPFolderPath?
    private var buffer: [UInt8] = []
    private(set) var messageInFlight: RemoteMessage?
    /// Stored, to be deleted and not yet marked \Deleted. They are marked
    /// and expunged at ``finish()``, in one STORE and one UID EXPUNGE: each
    /// STORE and each EXPUNGE costs the server a pass over the folder, and a
    /// deletion in the middle of the cycle stops the retrieval while the
    /// server works (Dovecot, a Maildir of 5,000: its CPU time to delete them
    /// all was 0.30 s marking each group of 100 and expunging a thousand at a
    /// time, 0.15 s marking and expunging a thousand at a time; `run --once`
    /// took 0.78 s deleting a thousand at a time, 0.73 s deleting at the
    /// end). Messages not marked when a cycle breaks stay on the server; the
    /// next cycle finds them in the ledger and deletes them.
    private var toDelete: [UInt32] = []

    private init(client: IMAPClient, status: IMAPMailboxStatus, processed: IMAPFolderPath?, failed: IMAPFolderPath?) {
        self.client = client
        self.status = status
        self.processedFolder = processed
        self.failedFolder = failed
    }

    /// Connects, secures the connection as the account says, logs in,
    /// creates the processed and failed folders when missing and selects
    /// `folder-path`.
    static func open(
        _ account: MailboxAccount, password: Secret, tls: TLSContext?, maximumSize: Int,
        transcript: (@Sendable (TranscriptLine) -> Void)?
    ) throws(FetchError) -> IMAPMailboxSession {
        var configuration = IMAPConfiguration(
            host: account.server, port: account.port, security: account.connectionSecurity, tls: tls,
            timeouts: ConnectionTimeouts(connect: account.connectTimeout, protocol: account.protocolTimeout),
            authentication: account.authentication == .plain ? .plain : account.authentication == .login ? .login : .automatic)
        configuration.maximumLiteralSize = maximumSize
        configuration.transcript = transcript
        let separator = account.folderSeparator
        let processed = account.processedItemsFolderName.map { IMAPFolderPath($0, separator: separator) }
        let failed = account.moveFailedItems
            ? account.failedItemsFolderName.map { IMAPFolderPath($0, separator: separator) } : nil
        do throws(IMAPError) {
            let client = try IMAPClient.connect(configuration)
            do throws(IMAPError) {
                try client.login(user: account.login, password: password.reveal())
                for folder in [processed, failed].compactMap({ $0 }) {
                    _ = try client.createFolderIfMissing(folder)
                }
                let status = try client.select(IMAPFolderPath(account.folderPath, separator: separator))
                return IMAPMailboxSession(client: client, status: status, processed: processed, failed: failed)
            } catch {
                client.close()
                throw error
            }
        } catch {
            throw .imap(error)
        }
    }

    func list() throws(FetchError) -> [RemoteMessage] {
        try list(sizesFor: { _ in true }, breaks: { _ in 0 })
    }

    /// UID SEARCH ALL, then one UID FETCH of RFC822.SIZE for the messages
    /// whose sizes are wanted: a folder that keeps thousands of processed
    /// messages (`leave-msg-on-server`) costs a list of numbers a cycle, not
    /// a line per message, and the server reads no message it need not.
    /// The sizes of messages the server broke the connection on are asked
    /// for one by one afterwards (Dovecot ends the session when it cannot
    /// read a message whose file name carries no size), so that one such
    /// message never keeps the others from being listed.
    func list(sizesFor needsSize: (SourceIdentity) -> Bool, breaks breaksOf: (SourceIdentity) -> Int) throws(FetchError) -> [RemoteMessage] {
        messageInFlight = nil
        do throws(IMAPError) {
            guard status.exists > 0 else { return [] }
            let uids = try client.search(.all)
            let wanted = uids.filter { needsSize(.imap(uidValidity: status.uidValidity, uid: $0)) }
            let uidValidity = status.uidValidity
            func breaks(_ uid: UInt32) -> Int { breaksOf(.imap(uidValidity: uidValidity, uid: uid)) }
            var sizes: [UInt32: Int?] = [:]
            // Those the server broke on after the others, each alone; not at all after a second break.
            let requests = [wanted.filter { breaks($0) == 0 }] + wanted.filter { breaks($0) == 1 }.map { [$0] }
            for asked in requests where !asked.isEmpty {
                do throws(IMAPError) {
                    try client.fetch(IMAPUIDSet(asked), items: .size, into: &buffer) { fetched in
                        sizes[fetched.uid] = fetched.size
                    }
                } catch {
                    switch error {
                    case .commandFailed:
                        break
                    default:
                        // The session broke. The server answers in UID order: the first size missing is the one it was reading.
                        messageInFlight = asked.first { sizes[$0] == nil }.map {
                            RemoteMessage(handle: Int($0), uniqueID: String($0), size: nil)
                        }
                    }
                    throw error
                }
            }
            let wantedSet = Set(wanted)
            return uids.compactMap { uid in
                // Not asked: stored already, or given up after two breaks (and refused when fetched).
                guard wantedSet.contains(uid), breaks(uid) < 2 else { return RemoteMessage(handle: Int(uid), uniqueID: String(uid), size: nil) }
                // A new message the size FETCH did not return was expunged meanwhile: not listed.
                guard let size = sizes[uid] else { return nil }
                return RemoteMessage(handle: Int(uid), uniqueID: String(uid), size: size)
            }
        } catch {
            throw .imap(error)
        }
    }

    func identity(of message: RemoteMessage) -> SourceIdentity {
        .imap(uidValidity: status.uidValidity, uid: UInt32(message.handle))
    }

    func retrieve(
        _ messages: [RemoteMessage], part: (RemoteMessage) -> RemotePart, maximumSize: Int,
        each: (RemoteMessage, RetrievalResult) -> Void
    ) throws(FetchError) {
        messageInFlight = nil
        for wanted in [RemotePart.message, .header] {
            let chosen = messages.filter { part($0) == wanted }
            guard !chosen.isEmpty else { continue }
            var returned: Set<UInt32> = []
            do throws(IMAPError) {
                try fetch(chosen, wanted, returned: &returned, each: each)
            } catch {
                guard case .commandFailed = error else {
                    // The server returns messages in UID order: the first one
                    // missing is the one it was sending when it gave up.
                    messageInFlight = chosen.first { !returned.contains(UInt32($0.handle)) }
                    throw .imap(error)
                }
                // The server refused the whole FETCH because of some message
                // it cannot read. Ask for the rest one by one, so that one bad
                // message is failed alone and never blocks the mailbox.
                for message in chosen where !returned.contains(UInt32(message.handle)) {
                    do throws(IMAPError) {
                        try fetch([message], wanted, returned: &returned, each: each)
                    } catch {
                        guard case .commandFailed(_, _, _, _, let text) = error else {
                            messageInFlight = message
                            throw .imap(error)
                        }
                        returned.insert(UInt32(message.handle))
                        each(message, .refused(reason: text))
                    }
                }
            }
            for message in chosen where !returned.contains(UInt32(message.handle)) {
                each(message, .refused(reason: "the server returned no content for UID \(message.handle)"))
            }
        }
    }

    /// One UID FETCH of `messages`; each one returned is added to `returned`.
    private func fetch(
        _ messages: [RemoteMessage], _ wanted: RemotePart, returned: inout Set<UInt32>,
        each: (RemoteMessage, RetrievalResult) -> Void
    ) throws(IMAPError) {
        var byUID: [UInt32: RemoteMessage] = [:]
        for message in messages { byUID[UInt32(message.handle)] = message }
        do throws(IMAPError) {
            try client.fetch(IMAPUIDSet(byUID.keys), items: wanted == .header ? .header : .body, into: &buffer) { fetched in
                guard let message = byUID[fetched.uid], let bytes = fetched.body ?? fetched.header else { return }
                returned.insert(fetched.uid)
                // The whole buffer, sized for this message by the client: the array takes it without a copy.
                each(message, .retrieved(Array(bytes)))
            }
        } catch {
            if case .literalTooLarge(_, _, let uid?, _, let limit) = error, let message = byUID[uid] {
                each(message, .tooLarge(limit: limit))
            }
            throw error
        }
    }

    func removeProcessed(_ messages: [RemoteMessage]) throws(FetchError) {
        guard let processedFolder else { return try delete(messages) }
        try run { () throws(IMAPError) in try client.move(uids(of: messages), to: processedFolder) }
    }

    func delete(_ messages: [RemoteMessage]) throws(FetchError) {
        toDelete += messages.map { UInt32($0.handle) }
    }

    func markKept(_ messages: [RemoteMessage]) throws(FetchError) {
        guard !messages.isEmpty else { return }
        try run { () throws(IMAPError) in try client.addFlags([.seen], to: uids(of: messages)) }
    }

    var movesFailedMessages: Bool { failedFolder != nil }

    func moveToFailed(_ messages: [RemoteMessage]) throws(FetchError) {
        guard let failedFolder, !messages.isEmpty else { return }
        try run { () throws(IMAPError) in try client.move(uids(of: messages), to: failedFolder) }
    }

    func finish() throws(FetchError) {
        try run { () throws(IMAPError) in
            try client.delete(IMAPUIDSet(toDelete))
            try client.logout()
        }
    }

    func close() {
        client.close()
    }

    private func uids(of messages: [RemoteMessage]) -> IMAPUIDSet {
        IMAPUIDSet(messages.map { UInt32($0.handle) })
    }

    private func run(_ body: () throws(IMAPError) -> Void) throws(FetchError) {
        do throws(IMAPError) {
            try body()
        } catch {
            throw .imap(error)
        }
    }
}
