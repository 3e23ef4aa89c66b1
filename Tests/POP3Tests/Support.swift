import DovecotHarness
import Foundation
import Network
import POP3
import Synchronization
import TLS

/// Servers, clients, corpus messages and transcripts for the POP3 tests.
enum Support {
    /// Short deadlines, so a broken test fails in seconds rather than the default five minutes.
    static let timeouts = ConnectionTimeouts(connect: .seconds(10), protocol: .seconds(10))

    /// Every `.eml` of the corpus, by path relative to it, sorted.
    static func corpusNames() -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: MailGemCorpus.directory)
        var names: [String] = []
        while names.count < 1000, let name = enumerator?.nextObject() as? String {
            if name.hasSuffix(".eml") { names.append(name) }
        }
        return names.sorted()
    }

    /// A client context that trusts `caFile`.
    static func context(trusting caFile: String) throws -> TLSContext {
        try TLSContext(configuration: .client(trustRoots: .caFile(caFile)))
    }

    /// Connects to `server`'s POP3 port (POP3S for implicit TLS), trusting its CA unless told otherwise.
    static func connect(
        _ server: Dovecot, _ security: TransportSecurity = .none, caFile: String? = nil,
        limits: POP3Limits = POP3Limits(), transcript: Transcript? = nil
    ) throws -> POP3Client {
        try POP3Client.connect(
            host: server.host, port: security == .implicitTLS ? server.pop3sPort : server.pop3Port,
            security: security, tls: context(trusting: caFile ?? server.caFile), timeouts: timeouts, limits: limits,
            transcript: transcript.map { recorder in { recorder.append($0) } })
    }

    /// A logged-in plain session as alice.
    static func login(_ server: Dovecot, limits: POP3Limits = POP3Limits(), transcript: Transcript? = nil) throws -> POP3Client {
        let client = try connect(server, limits: limits, transcript: transcript)
        try client.authenticate(user: "alice", password: "wonderland")
        return client
    }

    /// What a POP3 server sends for a stored message: line ends as CRLF, and a
    /// final CRLF when the message does not end with one (RFC 1939 section 3).
    static func onTheWire(_ message: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(message.count + message.count / 20 + 2)
        for byte in message {
            if byte == UInt8(ascii: "\n"), result.last != UInt8(ascii: "\r") { result.append(UInt8(ascii: "\r")) }
            result.append(byte)
        }
        if !result.isEmpty, result.suffix(2) != [13, 10] { result += [13, 10] }
        return result
    }

    /// Collects transcript lines; shared with the client's callback.
    typealias Transcript = Recorder<TranscriptLine>
}

/// A list that threads append to and tests read.
final class Recorder<Element: Sendable>: Sendable {
    private let elements = Mutex<[Element]>([])
    func append(_ element: Element) { elements.withLock { $0.append(element) } }
    var all: [Element] { elements.withLock { $0 } }
}

extension Recorder where Element == TranscriptLine {
    /// The transcript as `C:`/`S:` lines.
    var text: String { all.map(\.description).joined(separator: "\n") }
}
