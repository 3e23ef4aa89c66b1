import Configuration
import DovecotHarness
import Foundation
import Logging
import Pipeline
import QueueStore
import Service

/// A real Dovecot, a configuration polling it, and a queue store: what
/// every service test starts from.
final class ServiceFixture {
    static let user = MailUser(name: "alice", password: "wonderland")

    static let packageRoot: String = {
        var path = #filePath
        for _ in 0..<3 {
            while let last = path.last, last != "/" { path.removeLast() }
            path.removeLast()
        }
        return path
    }()

    let dovecot: Dovecot
    let directory: String
    let logs = LogCapture()

    init(extraConfig: String = "") throws {
        dovecot = try Dovecot.start(users: [Self.user], extraConfig: extraConfig)
        directory = NSTemporaryDirectory() + "mailroute-service-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }

    var storeDirectory: String { directory + "/store" }

    /// Real messages from the mail gem's corpus, each delivered once.
    static let corpusNames = [
        "plain_emails/basic_email.eml", "plain_emails/raw_email.eml", "plain_emails/raw_email_reply.eml",
        "plain_emails/raw_email_simple.eml", "plain_emails/raw_email_trailing_dot.eml",
        "mime_emails/raw_email7.eml", "attachment_emails/attachment_pdf.eml", "multi_charset/japanese_iso_2022.eml",
    ]

    /// Delivers the corpus messages (or `count` numbered copies of the first
    /// ones, each with a Message-ID of its own) and returns how many.
    @discardableResult
    func deliverCorpus(count: Int? = nil, folder: String = "INBOX") throws -> Int {
        let messages = try Self.corpusNames.map { try MailGemCorpus.message($0) }
        guard let count else {
            for message in messages { try dovecot.deliver(message, to: Self.user.name, folder: folder) }
            return messages.count
        }
        for index in 0..<count {
            let header = Array("Message-ID: <copy-\(index)@fixture.test>\r\n".utf8)
            try dovecot.deliver(header + messages[index % messages.count], to: Self.user.name, folder: folder)
        }
        return count
    }

    /// Writes a configuration with one mailbox, "support" of the Acme rules,
    /// polling this Dovecot; `options` are more attributes of the mailbox.
    /// `otherMailboxes` are more `<mailbox>` elements, written as they are.
    func writeConfiguration(
        _ type: String, _ options: [String: String] = [:], otherMailboxes: String = "", name: String = "config.xml"
    ) throws -> String {
        var attributes: [String: String] = [
            "name": "support", "enable-client": "true", "type": type, "server": "127.0.0.1",
            "mailbox": Self.user.name, "password": Self.user.password, "ca-file": dovecot.caFile,
            "address": "Acme Support <support@acme.example>", "enable-message-id-check": "false",
            "connect-timeout": "00:00:10", "protocol-timeout": "00:00:10",
        ]
        let security = options["pop-connection-security"] ?? "none"
        let implicit = security == "ssl-tls"
        attributes["port"] = String(
            type == "POP3" ? (implicit ? dovecot.pop3sPort : dovecot.pop3Port) : (implicit ? dovecot.imapsPort : dovecot.imapPort))
        attributes.merge(options) { $1 }
        let written = attributes.sorted { $0.key < $1.key }.map { "\($0.key)=\"\(Self.escape($0.value))\"" }
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <configuration version="1">
              <rule-file href="\(Self.packageRoot)/Rules/acme/rules.xml"/>
              <queue-store directory="\(storeDirectory)"/>
              <mailbox \(written.joined(separator: " "))/>
              \(otherMailboxes)
            </configuration>

            """
        let path = directory + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The service on `configuration`, logging here.
    func service(_ configuration: String, observer: FetchObserver = FetchObserver()) throws -> FetchService {
        try FetchService(
            configurationPath: configuration, configurationLoader: ConfigurationLoader(), ruleLoader: RuleSetLoader(),
            stop: StopRequest(), logger: logs.logger(), observer: observer)
    }

    /// Runs one cycle of a new service on `configuration`, as `mailroute run --once` does.
    func runOnce(_ configuration: String, observer: FetchObserver = FetchObserver()) throws -> (CycleReport, [String]) {
        let outcome = try service(configuration, observer: observer).run(once: true)
        return (outcome.report, outcome.failedMailboxes)
    }

    /// The spool's records: one per message stored.
    func spool() throws -> [SpoolRecord] {
        try QueueStore(root: storeDirectory).spoolEntries().map { try $0.get().record }
    }

    /// Messages left in a folder of the server.
    func onServer(_ folder: String = "INBOX") throws -> Int {
        try dovecot.messageCount(of: Self.user.name, folder: folder)
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }
}
