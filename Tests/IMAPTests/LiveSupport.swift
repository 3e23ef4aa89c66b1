import DovecotHarness
import Foundation
import IMAP
import Network
import TLS

/// Connections to the harness Dovecot and the corpus messages delivered to it.
enum Live {
    /// A configuration for `dovecot`'s IMAP port for `security` (IMAPS for
    /// `ssl-tls`), trusting its CA unless `trusted` is false.
    static func configuration(
        _ dovecot: Dovecot, _ security: TransportSecurity = .none, trusted: Bool = true
    ) throws -> IMAPConfiguration {
        IMAPConfiguration(
            host: dovecot.host, port: security == .implicitTLS ? dovecot.imapsPort : dovecot.imapPort,
            security: security, tls: try dovecot.certificates.clientContext(trusted: trusted),
            timeouts: ConnectionTimeouts(connect: .seconds(10), protocol: .seconds(10)))
    }

    /// A client logged in as alice.
    static func session(
        _ dovecot: Dovecot, _ security: TransportSecurity = .none, configure: (inout IMAPConfiguration) -> Void = { _ in }
    ) throws -> IMAPClient {
        var configuration = try configuration(dovecot, security)
        configure(&configuration)
        let client = try IMAPClient.connect(configuration)
        try client.login(user: "alice", password: "wonderland")
        return client
    }

    /// Every message of the mail-gem corpus, with CRLF line ends (as an IMAP
    /// server sends them), in path order.
    static let corpus: [[UInt8]] = {
        let directory = MailGemCorpus.directory
        let paths = (FileManager.default.enumerator(atPath: directory)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".eml") }.sorted()
        return paths.compactMap { try? crlf(MailGemCorpus.message($0)) }
    }()

    /// Delivers `messages` to alice's `folder`.
    static func deliver(_ messages: [[UInt8]], to dovecot: Dovecot, folder: String = "INBOX") throws {
        for message in messages { try dovecot.deliver(message, to: "alice", folder: folder) }
    }

    /// `bytes` with every bare LF made CRLF.
    static func crlf(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 20)
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "\n") && (index == 0 || bytes[index - 1] != UInt8(ascii: "\r")) {
                output.append(UInt8(ascii: "\r"))
            }
            output.append(byte)
        }
        return output
    }

    /// The header section of `message`: up to and including the first empty line.
    static func headerSection(_ message: [UInt8]) -> [UInt8]? {
        let blank: [UInt8] = Array("\r\n\r\n".utf8)
        guard message.count >= 4 else { return nil }
        for start in 0...(message.count - 4) where message[start..<start + 4].elementsEqual(blank) {
            return Array(message[..<(start + 4)])
        }
        return nil
    }
}
