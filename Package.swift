// swift-tools-version:6.0
//
// mailroute: a mail-intake pipeline. The targets follow the flow of a message:
// C libraries -> their Swift wrappers -> message model -> mailbox readers ->
// reports -> the `mailroute` command. ARCHITECTURE.md draws the same picture.
import PackageDescription

let package = Package(
    name: "mailroute",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "mailroute", targets: ["mailroute"]),
        // The message model and readers as a library, for embedding and for the fuzzer in Fuzz/.
        .library(name: "MailrouteMessages", targets: ["MessageModel", "Mailboxes", "Reports"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        // System libraries, found through pkg-config. Nothing but their one wrapper imports them.
        .systemLibrary(
            name: "CPCRE2", pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"]), .brew(["pcre2"])]),
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]),
        .systemLibrary(
            name: "COpenSSL", pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"]), .brew(["openssl"])]),

        // glibc's malloc tuning, for the executable only.
        .systemLibrary(name: "CMalloc"),

        // Safe Swift wrappers, one per C library.
        .target(name: "Patterns", dependencies: ["CPCRE2"]),
        .target(name: "XMLDocuments", dependencies: ["CLibXML2"]),
        .target(name: "TLS", dependencies: ["COpenSSL"]),
        .target(name: "Charsets"),

        // The message model: raw bytes in, headers, addresses and MIME tree out. No I/O.
        .target(name: "MessageModel", dependencies: ["Charsets"]),

        // The rule language: rules, conditions, matchers and actions read from XML, evaluated against messages.
        .target(name: "Rules", dependencies: ["MessageModel", "Patterns", "XMLDocuments"]),

        // The ordered stages a message passes through, and the rule files that define them.
        .target(name: "Pipeline", dependencies: ["Rules", "MessageModel", "XMLDocuments"]),

        // Sources: mailbox readers that stream raw messages with their positions.
        .target(name: "Mailboxes"),

        // Sources: connections to mail servers, plain or TLS, where every wait has a deadline.
        .target(name: "Network", dependencies: ["TLS"]),
        // Sources: the POP3 and IMAP clients that fetch from remote mailboxes.
        .target(name: "POP3", dependencies: ["Network"]),
        .target(name: "IMAP", dependencies: ["Network"]),

        // The service configuration: mailboxes to poll, with their Genesys pop-client options.
        .target(name: "Configuration", dependencies: ["XMLDocuments", "Rules", "MessageModel", "Network"]),

        // Sinks: reports about messages and routing decisions, for people and machines.
        .target(name: "Reports", dependencies: ["Pipeline", "Rules", "MessageModel"]),
        // Sinks: the durable queue store (a Maildir per queue), the raw-message spool
        // and the record of what each remote mailbox has already delivered.
        .target(name: "QueueStore", dependencies: ["Pipeline", "Reports", "MessageModel"]),

        // The `run` service: polls each mailbox on its cycle and stores every interaction exactly once.
        .target(
            name: "Service",
            dependencies: [
                "Configuration", "POP3", "IMAP", "Network", "TLS", "Pipeline", "Rules", "MessageModel",
                "QueueStore", "Reports",
                .product(name: "Logging", package: "swift-log"),
            ]),

        // The command.
        .executableTarget(
            name: "mailroute",
            dependencies: [
                "Reports", "Pipeline", "Rules", "XMLDocuments", "MessageModel", "Mailboxes", "CMalloc",
                "Configuration", "QueueStore", "Service",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        .testTarget(name: "PatternsTests", dependencies: ["Patterns"]),
        .testTarget(name: "XMLDocumentsTests", dependencies: ["XMLDocuments"], exclude: ["Fixtures"]),
        .testTarget(name: "TLSTests", dependencies: ["TLS"], exclude: ["Fixtures"]),
        .testTarget(name: "CharsetsTests", dependencies: ["Charsets"]),
        .testTarget(name: "MessageModelTests", dependencies: ["MessageModel"]),
        .testTarget(name: "RulesTests", dependencies: ["Rules", "MessageModel", "Patterns", "XMLDocuments"], exclude: ["Fixtures"]),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "Rules", "MessageModel", "XMLDocuments"], exclude: ["Fixtures"]),
        .testTarget(name: "MailboxesTests", dependencies: ["Mailboxes"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "MessageModel"], exclude: ["Differential"]),
        // Starts a real Dovecot (POP3 and IMAP) on loopback for the tests that need a server.
        .target(name: "DovecotHarness", dependencies: ["TLS", "Network"], path: "Tests/DovecotHarness"),
        .testTarget(name: "DovecotHarnessTests", dependencies: ["DovecotHarness", "TLS"]),
        .testTarget(name: "NetworkTests", dependencies: ["Network", "TLS"]),
        .testTarget(name: "POP3Tests", dependencies: ["POP3", "Network", "TLS", "DovecotHarness"]),
        .testTarget(name: "IMAPTests", dependencies: ["IMAP", "Network", "TLS", "DovecotHarness"]),
        .testTarget(name: "ConfigurationTests", dependencies: ["Configuration", "Rules", "XMLDocuments", "MessageModel", "Network"], exclude: ["Fixtures"]),
        .testTarget(name: "QueueStoreTests", dependencies: ["QueueStore", "Pipeline", "MessageModel", "Mailboxes"]),
        .testTarget(
            name: "ServiceTests",
            dependencies: [
                "Service", "Configuration", "QueueStore", "Pipeline", "DovecotHarness", "IMAP", "Network", "mailroute",
                .product(name: "Logging", package: "swift-log"),
            ]),
        .testTarget(name: "CLITests", dependencies: ["mailroute"], exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
