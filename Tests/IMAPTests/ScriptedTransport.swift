@testable import IMAP
import Network
import Synchronization
import TLS

/// An in-memory IMAP server side: replays a fixed script of server bytes
/// and records what the client sends, for parser and command tests
/// without sockets. The end of the script reads as the server closing.
final class ScriptedTransport: IMAPTransport {
    let host = "imap.test"
    let port = 143
    private(set) var isEncrypted = false
    private(set) var sent: [UInt8] = []
    private(set) var closed = false
    private let script: [UInt8]
    private var position = 0

    init(_ script: String) {
        self.script = Array(script.utf8)
    }

    init(bytes: [UInt8]) {
        self.script = bytes
    }

    /// What the client sent, as text.
    var sentText: String { String(decoding: sent, as: UTF8.self) }

    func readLine(appendingTo buffer: inout [UInt8], limit: Int) throws(NetworkError) -> Int {
        guard let newline = script[position...].firstIndex(of: UInt8(ascii: "\n")) else {
            throw .closedByPeer(host: host, port: port)
        }
        let length = newline + 1 - position
        guard length <= limit else { throw .lineTooLong(host: host, port: port, limit: limit) }
        buffer += script[position...newline]
        position = newline + 1
        return length
    }

    func read(exactly count: Int, appendingTo buffer: inout [UInt8]) throws(NetworkError) {
        guard script.count - position >= count else { throw .closedByPeer(host: host, port: port) }
        buffer += script[position..<position + count]
        position += count
    }

    func send(_ bytes: [UInt8]) throws(NetworkError) {
        guard !closed else { throw .ioFailed(host: host, port: port, reason: "closed") }
        sent += bytes
    }

    func upgradeToTLS(_ context: TLSContext) throws(NetworkError) {
        isEncrypted = true
    }

    func close() {
        closed = true
    }
}

/// Collects transcript lines from the client's thread.
final class TranscriptRecorder: Sendable {
    private let lines = Mutex<[TranscriptLine]>([])

    /// The closure to put in the configuration.
    var record: @Sendable (TranscriptLine) -> Void {
        { line in self.lines.withLock { $0.append(line) } }
    }

    /// Everything recorded, one line each, `C: ` or `S: ` first.
    var text: String { lines.withLock { $0.map(\.description).joined(separator: "\n") } }
}

/// Builders for scripted clients.
enum Scripted {
    /// A greeting that lists `capabilities`.
    static func greeting(_ capabilities: String = "IMAP4rev1 AUTH=PLAIN SASL-IR LITERAL+ UIDPLUS MOVE") -> String {
        "* OK [CAPABILITY \(capabilities)] ready\r\n"
    }

    /// A client over `script`, its greeting read.
    static func client(
        _ script: String, security: TransportSecurity = .none,
        configure: (inout IMAPConfiguration) -> Void = { _ in }
    ) throws -> (IMAPClient, ScriptedTransport) {
        let transport = ScriptedTransport(script)
        var configuration = IMAPConfiguration(host: "imap.test", security: security)
        configure(&configuration)
        let client = IMAPClient(transport: transport, configuration: configuration)
        try client.start()
        return (client, transport)
    }

    /// The CRLF-terminated lines.
    static func lines(_ lines: String...) -> String {
        lines.map { $0 + "\r\n" }.joined()
    }
}
