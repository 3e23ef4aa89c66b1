import Configuration
import DovecotHarness
import Foundation
import Network

/// Mailboxes on the harness Dovecot, the corpus messages delivered to them,
/// and the Maildirs `mailroute fetch` writes, for the download tests.
enum DownloadSupport {
    /// Every `.eml` of the mail-gem corpus as stored (LF line ends), in path order.
    static let corpus: [[UInt8]] = {
        let directory = MailGemCorpus.directory
        let paths = (FileManager.default.enumerator(atPath: directory)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".eml") }.sorted()
        return paths.compactMap { try? MailGemCorpus.message($0) }
    }()

    /// The account `acme` of a configuration for alice on `dovecot`, read
    /// through the configuration loader as `mailroute fetch` reads it;
    /// `options` are more attributes of its `<mailbox>`.
    static func account(
        _ dovecot: Dovecot, _ type: MailProtocol, _ security: TransportSecurity, password: String = "wonderland",
        options: String = ""
    ) throws -> MailboxAccount {
        let port = switch (type, security) {
        case (.pop3, .implicitTLS): dovecot.pop3sPort
        case (.pop3, _): dovecot.pop3Port
        case (.imap, .implicitTLS): dovecot.imapsPort
        case (.imap, _): dovecot.imapPort
        }
        let caFile = security == .none ? "" : " ca-file=\"\(dovecot.caFile)\""
        let text = """
            <configuration version="1">
              <rule-file href="rules.xml"/>
              <queue-store directory="store"/>
              <mailbox name="acme" type="\(type.rawValue)" server="\(dovecot.host)" port="\(port)"
                       pop-connection-security="\(security.rawValue)"\(caFile) mailbox="alice" password="\(password)"
                       address="support@acme.example" connect-timeout="00:00:10" protocol-timeout="00:00:10" \(options)/>
            </configuration>
            """
        let loaded = ConfigurationLoader().load(bytes: Array(text.utf8), displayName: dovecot.rootDirectory + "/fetch.xml")
        guard let account = loaded.configuration?.mailbox(named: "acme") else {
            throw Failure(text: "the test configuration does not load: \(loaded.diagnostics)")
        }
        return account
    }

    /// The files of a Maildir's `part` (`new`, `cur`, `tmp`), by name.
    static func files(in maildir: String, _ part: String) throws -> [String: [UInt8]] {
        let directory = maildir + "/" + part
        var files: [String: [UInt8]] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) {
            files[name] = Array(try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name)))
        }
        return files
    }

    /// `message` with every bare LF made CRLF: what an IMAP server sends of a stored message.
    static func crlf(_ message: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(message.count + message.count / 20)
        for byte in message {
            if byte == UInt8(ascii: "\n"), output.last != UInt8(ascii: "\r") { output.append(UInt8(ascii: "\r")) }
            output.append(byte)
        }
        return output
    }

    /// What a POP3 server sends of a stored message (RFC 1939 section 3): CRLF
    /// line ends, and a final CRLF when the message does not end with one.
    static func pop3Wire(_ message: [UInt8]) -> [UInt8] {
        var output = crlf(message)
        if !output.isEmpty, output.suffix(2) != [13, 10] { output += [13, 10] }
        return output
    }

    /// The header section of a CRLF message, up to and including the empty line.
    static func headerSection(_ message: [UInt8]) -> [UInt8]? {
        let blank = Array("\r\n\r\n".utf8)
        guard message.count >= 4 else { return nil }
        for start in 0...(message.count - 4) where message[start..<start + 4].elementsEqual(blank) {
            return Array(message[..<(start + 4)])
        }
        return nil
    }

    /// A fresh temporary directory (removed by the caller).
    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "mailroute-download-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    struct Failure: Error, CustomStringConvertible {
        let text: String
        var description: String { text }
    }
}

/// Sorting byte strings, to compare collections of messages whatever their order.
func sortedBytes(_ messages: some Sequence<[UInt8]>) -> [[UInt8]] {
    messages.sorted { $0.lexicographicallyPrecedes($1) }
}
