import Configuration
import Network
import POP3
import QueueStore
import TLS

/// A POP3 mailbox for one cycle: messages are known by UIDL, retrieved with
/// pipelined RETR (or TOP for headers only), and deleted with DELE, which
/// the server applies only at QUIT (``finish()``).
final class POP3MailboxSession: RemoteMailboxSession {
    private let client: POP3Client
    private(set) var messageInFlight: RemoteMessage?

    private init(client: POP3Client) {
        self.client = client
    }

    /// Connects, secures the connection as the account says and logs in.
    static func open(
        _ account: MailboxAccount, password: Secret, tls: TLSContext?, transcript: POP3Transcript?
    ) throws(FetchError) -> POP3MailboxSession {
        do throws(POP3Error) {
            let client = try POP3Client.connect(
                host: account.server, port: account.port, security: account.connectionSecurity, tls: tls,
                timeouts: ConnectionTimeouts(connect: account.connectTimeout, protocol: account.protocolTimeout),
                transcript: transcript)
            let method: POP3AuthenticationMethod =
                switch account.authentication {
                case .apop: .apop
                case .userPass: .userPass
                default: .automatic
                }
            do throws(POP3Error) {
                try client.authenticate(user: account.login, password: password.reveal(), method: method)
            } catch {
                client.close()
                throw error
            }
            return POP3MailboxSession(client: client)
        } catch {
            throw .pop3(error)
        }
    }

    func list() throws(FetchError) -> [RemoteMessage] {
        let sizes: [POP3Listing]
        let uniqueIDs: [POP3UniqueID]
        do throws(POP3Error) {
            sizes = try client.list()
            uniqueIDs = try client.uniqueIDs()
        } catch {
            if case .commandRefused(_, _, let command, _) = error, command.hasPrefix("UIDL") {
                throw .uniqueIDsUnavailable(host: client.host)
            }
            throw .pop3(error)
        }
        var sizeOf: [Int: Int] = [:]
        for listing in sizes {
            if let size = listing.size { sizeOf[listing.number] = size }
        }
        return uniqueIDs.map { RemoteMessage(handle: $0.number, uniqueID: $0.id, size: sizeOf[$0.number]) }
    }

    func identity(of message: RemoteMessage) -> SourceIdentity {
        .pop3(uidl: message.uniqueID)
    }

    func retrieve(
        _ messages: [RemoteMessage], part: (RemoteMessage) -> RemotePart, maximumSize: Int,
        each: (RemoteMessage, RetrievalResult) -> Void
    ) throws(FetchError) {
        messageInFlight = nil
        // One batch per run of messages wanting the same part, so pipelining
        // covers every message but the first of a run.
        var index = 0
        while index < messages.count {
            let wanted = part(messages[index])
            var end = index + 1
            while end < messages.count && part(messages[end]) == wanted { end += 1 }
            let run = Array(messages[index..<end])
            do {
                try client.beginRetrieval(
                    of: run.map(\.handle), part: wanted == .header ? .header : .message, maximumSize: maximumSize)
                for message in run {
                    messageInFlight = message
                    // A buffer of its own for each message, of about its size: the bytes are
                    // handed to the storing thread as they are, never copied or kept here.
                    var buffer: [UInt8] = []
                    buffer.reserveCapacity(wanted == .header ? 16 << 10 : min(message.size ?? 0, maximumSize) + 256)
                    guard let retrieval = try client.nextRetrieval(appendingTo: &buffer) else { break }
                    switch retrieval.outcome {
                    case .retrieved:
                        each(message, .retrieved(buffer))
                    case .refused(let reply):
                        each(message, .refused(reason: "\(reply)"))
                    case .tooLarge(let limit):
                        each(message, .tooLarge(limit: limit))
                    }
                }
            } catch {
                throw .pop3(error)
            }
            index = end
        }
    }

    func removeProcessed(_ messages: [RemoteMessage]) throws(FetchError) {
        try delete(messages)
    }

    func delete(_ messages: [RemoteMessage]) throws(FetchError) {
        guard !messages.isEmpty else { return }
        do {
            _ = try client.delete(messages.map(\.handle))
        } catch {
            throw .pop3(error)
        }
    }

    var movesFailedMessages: Bool { false }

    func moveToFailed(_ messages: [RemoteMessage]) throws(FetchError) {}

    func finish() throws(FetchError) {
        do {
            try client.quit()
        } catch {
            throw .pop3(error)
        }
    }

    func close() {
        client.close()
    }
}
