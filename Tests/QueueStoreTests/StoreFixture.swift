import Foundation
import MessageModel
import Pipeline
import QueueStore

/// A store in a fresh temporary directory, the rules of these tests, and
/// messages from the shared corpus.
struct StoreFixture {
    /// The temporary directory; the store is `root/store`.
    let directory: String
    var storeRoot: String { directory + "/store" }

    /// Makes a fresh directory named after `name`.
    init(_ name: String) throws {
        let path = NSTemporaryDirectory() + "mailroute-store-\(getpid())-\(name)-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        directory = path
    }

    /// Deletes the directory.
    func remove() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    func openStore() throws -> QueueStore {
        try QueueStore(root: storeRoot)
    }

    /// The rules of these tests: three mailboxes, a tagging rule with header
    /// edits, and routes to a queue whose name needs escaping.
    static let rules = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rules version="1">
          <queues default-inbound="inbound">
            <queue name="inbound"/>
            <queue name="billing"/>
            <queue name="Support Team/EU"/>
          </queues>
          <mailbox name="support" address="support@acme.example" default-queue="inbound"/>
          <mailbox name="fanout" address="fanout@acme.example" copy-message-to-recipients="true" inbound-msg-copy-limit="3"/>
          <mailbox name="tiny" address="tiny@acme.example" maximum-msg-size="100B"/>
          <mailbox name="big-leave" address="leave@acme.example" maximum-msg-size="100B" enable-big-msg-stripping="false"/>
          <pipeline>
            <size-check/>
            <recipient-copies/>
            <tagging>
              <rule id="ticket">
                <when><header name="Subject" regex="\\[(?&lt;ticket&gt;T-\\d+)\\]"/></when>
                <do>
                  <tag name="ticket-${ticket}"/>
                  <attribute name="Ticket" value="${ticket}"/>
                  <set-header name="X-Ticket" value="${ticket}"/>
                  <remove-header name="X-Remove-Me"/>
                  <add-header name="X-Greeting" value="Grüße aus Köln"/>
                </do>
              </rule>
            </tagging>
            <routing>
              <rule id="invoice"><when><header name="Subject" regex="invoice" flags="i"/></when><do><route queue="billing"/></do></rule>
              <rule id="eu"><when><header name="Subject" contains="EU"/></when><do><route queue="Support Team/EU"/></do></rule>
            </routing>
          </pipeline>
        </rules>
        """

    /// The pipeline of ``rules``.
    static let pipeline: Pipeline = {
        let path = NSTemporaryDirectory() + "mailroute-store-rules-\(getpid()).xml"
        _ = FileManager.default.createFile(atPath: path, contents: Data(rules.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = RuleSetLoader().load(path)
        guard let pipeline = result.pipeline else {
            fatalError("the test rules do not load: \(result.diagnostics.map(\.description))")
        }
        return pipeline
    }()

    /// `shared/corpus/mail-gem/` beside the package root.
    static let corpus: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(4)  // QueueStoreTests/StoreFixture.swift, Tests, package root
        return parts.joined(separator: "/") + "/shared/corpus/mail-gem/"
    }()

    /// Every corpus message, sorted by path, with its path relative to the corpus.
    static let corpusMessages: [(name: String, bytes: [UInt8])] = {
        let enumerator = FileManager.default.enumerator(atPath: corpus)
        var names: [String] = []
        while let name = enumerator?.nextObject() as? String {
            if name.hasSuffix(".eml") { names.append(name) }
        }
        return names.sorted().compactMap { name in
            FileManager.default.contents(atPath: corpus + name).map { (name, [UInt8]($0)) }
        }
    }()

    /// The delivery of `bytes` through `mailbox`, as POP3 message `uidl`.
    static func delivery(_ bytes: [UInt8], uidl: String, mailbox: String = "support", received: Int64 = 1_714_555_800_250)
        -> Delivery
    {
        let message = Message(bytes: bytes, scope: pipeline.messageScope)
        let decision = pipeline.process(message: message, mailboxName: mailbox)
        return Delivery(
            identity: .pop3(uidl: uidl), message: message, decision: decision,
            received: StoreTimestamp(unixMilliseconds: received), reportedSize: bytes.count)
    }

    /// A message written with LF line ends.
    static func mail(subject: String, messageID: String = "<m1@customer.example>", to: String = "support@acme.example", extra: String = "")
        -> [UInt8]
    {
        Array(
            """
            From: Jane <jane@customer.example>
            To: \(to)
            Subject: \(subject)
            Message-ID: \(messageID)
            \(extra)
            Hello,
            this is the body.

            """.utf8)
    }

    /// The corpus deliveries: every corpus message, through `support`, POP3 UIDL = its corpus path.
    static let corpusDeliveries: [Delivery] = corpusMessages.map { delivery($0.bytes, uidl: $0.name) }
}
