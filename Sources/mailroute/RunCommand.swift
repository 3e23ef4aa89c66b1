import ArgumentParser
import Configuration
import Logging
import Pipeline
import QueueStore
import Service

/// `mailroute run`: the fetch service.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Poll the configured POP3 and IMAP mailboxes and store every interaction in the queue store.",
        discussion: """
            Each enabled mailbox is polled on its own thread every cycle-time. A message is removed from the \
            server only after its interactions are durably stored, and never stored twice. Rule and option \
            changes take effect at the next cycle; a change that fails lint keeps the old rules or options. \
            SIGTERM or SIGINT finishes the message in hand and exits. Logs go to stderr.
            """)

    @Option(help: "The service configuration file (see README: Service configuration).")
    var config: String

    @Flag(help: "Run one cycle of every enabled mailbox, then exit: for cron and tests.")
    var once = false

    @Option(help: "The lowest level logged: trace, debug, info, notice, warning, error or critical.")
    var logLevel: String = "info"

    func validate() throws {
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level must be trace, debug, info, notice, warning, error or critical")
        }
    }

    func run() throws {
        // While this is the only thread: later, each growth of the table stalls every thread.
        DescriptorTable.reserve()
        let stop = StopRequest()
        // Before any thread starts, so every thread inherits the blocked signals.
        do {
            try TerminationSignals.route(to: stop)
        } catch {
            OutputStream(descriptor: 2).write("mailroute: \(error)\n")
            throw ExitCode(2)
        }
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "mailroute.run")
        let service: FetchService
        do {
            service = try FetchService(
                configurationPath: config, configurationLoader: ConfigurationLoader(),
                ruleLoader: RuleSetLoader(schema: RuleLoading.schema), stop: stop, logger: logger)
        } catch {
            OutputStream(descriptor: 2).write("mailroute: \(error)\n")
            throw ExitCode(2)
        }
        logger.notice("polling \(service.mailboxNames.joined(separator: ", "))", metadata: ["once": "\(once)"])
        let (report, failed) = service.run(once: once)
        logger.notice(
            "stopped", metadata: .init(uniqueKeysWithValues: report.fields.map { ($0, "\($1)") }))
        if once && !failed.isEmpty {
            OutputStream(descriptor: 2).write("mailroute: the cycle failed for \(failed.joined(separator: ", "))\n")
            throw ExitCode(1)
        }
    }
}
