import Configuration
import Rules

/// Paths, loaders and small configurations for the configuration tests.
enum Support {
    /// `Tests/ConfigurationTests/Fixtures/`.
    static let fixtures: String = directory(of: "\(#filePath)") + "/Fixtures/"

    /// The package root (the worktree).
    static let root: String = directory(of: directory(of: directory(of: "\(#filePath)")))

    /// The secret every inline test password is; tests check it never shows.
    static let secret = "s3cr3t-Hunter2"

    /// Loads a fixture file.
    static func load(_ name: String) -> ConfigurationLoadResult {
        ConfigurationLoader().load(fixtures + name)
    }

    /// Loads `xml` as if it were the file `Fixtures/test.xml`.
    static func load(xml: String, schema: Bool = true) -> ConfigurationLoadResult {
        let loader = schema ? ConfigurationLoader() : ConfigurationLoader(schema: nil)
        return loader.load(bytes: Array(xml.utf8), displayName: fixtures + "test.xml")
    }

    /// A configuration around `mailboxes`: `<configuration>` on line 1, the
    /// rule file on line 2, the queue store on line 3, mailboxes from line 4.
    static func configuration(_ mailboxes: String...) -> String {
        """
        <configuration version="1">
        <rule-file href="rules.xml"/>
        <queue-store directory="queues"/>
        \(mailboxes.joined(separator: "\n"))
        </configuration>
        """
    }

    /// The options every test mailbox has unless the test writes them.
    static let required: [(String, String)] = [
        ("name", "support"), ("type", "IMAP"), ("server", "imap.acme.example"), ("mailbox", "support"),
        ("address", "support@acme.example"), ("pop-connection-security", "ssl-tls"), ("enable-client", "true"),
    ]

    /// One `<mailbox>` element on one line: `options` (raw attributes such as
    /// `port="0"`) first, so the first one starts at column 10, then each of
    /// ``required`` not written, then an inline password unless `content` or
    /// `options` give one.
    static func mailbox(_ options: String..., content: String = "") -> String {
        mailbox(options: options, content: content)
    }

    /// ``mailbox(_:content:)`` with the options in an array.
    static func mailbox(options: [String], content: String = "") -> String {
        let written = Set(options.map { String($0.prefix { $0 != "=" }) })
        var attributes = options
        for (name, value) in required where !written.contains(name) {
            attributes.append("\(name)=\"\(value)\"")
        }
        if content.isEmpty, !written.contains("password") {
            attributes.append("password=\"\(secret)\"")
        }
        let start = "<mailbox " + attributes.joined(separator: " ")
        return content.isEmpty ? start + "/>" : start + ">" + content + "</mailbox>"
    }

    /// One mailbox in a configuration, loaded.
    static func load(mailbox options: String..., content: String = "", schema: Bool = true)
        -> ConfigurationLoadResult
    {
        load(xml: configuration(mailbox(options: options, content: content)), schema: schema)
    }

    /// The descriptions of `result`'s diagnostics, paths relative to the fixtures directory.
    static func messages(_ result: ConfigurationLoadResult) -> [String] {
        result.diagnostics.map { $0.description.replacing(fixtures, with: "") }
    }

    private static func directory(of path: String) -> String {
        String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)])
    }
}
