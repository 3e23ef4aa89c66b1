import ArgumentParser
import Configuration
import Logging
import Service

/// `mailroute fetch`: copies a configured mailbox into a local Maildir, leaving the server as it was.
struct FetchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Copy a configured POP3 or IMAP mailbox into a local Maildir, without routing and without removing anything.",
        discussion: """
            Connects as `mailroute run` would (security, CA file, timeouts, authentication, folder-path), retrieves \
            every message (or the first --limit) and writes each, as the server sent it, to its own file in the \
            Maildir's new/ directory. Nothing is deleted, moved or flagged on the server. Useful to capture a real \
            mailbox as a fixture for replay. Each run copies every message again. Logs go to stderr; a summary \
            line goes to stdout.
            """)

    @Option(help: "The service configuration file (see README: Service configuration).")
    var config: String

    @Option(help: "The name of the mailbox to copy, as in the configuration (it need not be enabled).")
    var mailbox: String

    @Option(help: "The Maildir to write to; created, with its tmp/, new/ and cur/, if missing.")
    var into: String

    @Flag(help: "Copy only each message's header section (POP3 TOP, IMAP BODY.PEEK[HEADER]).")
    var headersOnly = false

    @Option(help: "Copy at most this many messages, the first ones in the server's order.")
    var limit: Int?

    @Option(help: "The lowest level logged: trace, debug, info, notice, warning, error or critical.")
    var logLevel: String = "notice"

    func validate() throws {
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level must be trace, debug, info, notice, warning, error or critical")
        }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1, not \(limit)") }
    }

    func run() throws {
        let errors = OutputStream(descriptor: 2)
        let loaded = ConfigurationLoader().load(config)
        for diagnostic in loaded.diagnostics { errors.write("\(diagnostic)\n") }
        guard let configuration = loaded.configuration else {
            errors.write("mailroute: \(config) has errors; nothing fetched\n")
            errors.flush()
            throw ExitCode(2)
        }
        guard let account = configuration.mailbox(named: mailbox) else {
            let known = configuration.mailboxes.map(\.name).joined(separator: ", ")
            errors.write("mailroute: \(config) has no mailbox named '\(mailbox)' (it has: \(known.isEmpty ? "none" : known))\n")
            errors.flush()
            throw ExitCode(2)
        }
        errors.flush()
        let level = Logger.Level(rawValue: logLevel) ?? .notice
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        var logger = Logger(label: "mailroute.fetch")
        logger[metadataKey: "mailbox"] = "\(account.name)"
        if account.enableDebug { logger.logLevel = .debug }
        var download = MailboxDownload(account: account, directory: into)
        download.headersOnly = headersOnly
        download.limit = limit
        let started = ContinuousClock.now
        let report: DownloadReport
        do {
            report = try download.run(logger: logger)
        } catch {
            errors.write("mailroute: \(account.name): \(error)\n")
            errors.flush()
            throw ExitCode(1)
        }
        let milliseconds = Int((ContinuousClock.now - started) / .milliseconds(1))
        let seconds = "\(milliseconds / 1000).\(String(milliseconds % 1000 + 1000).dropFirst())"
        let output = OutputStream(descriptor: 1)
        output.write(
            "\(account.name): \(report.written) of \(report.listed) messages (\(report.octets) bytes) copied into "
                + "\(into)\(report.skipped > 0 ? ", \(report.skipped) skipped" : "") in \(seconds) s\n")
        output.flush()
    }
}
