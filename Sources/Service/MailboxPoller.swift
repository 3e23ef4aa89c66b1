import Configuration
import Logging
import Network
import QueueStore
import TLS

/// Polls one mailbox, on its own thread: a cycle every `cycle-time`, a
/// longer wait after failures (see ``RetryBackoff``), until a stop request.
///
/// Everything here runs on the mailbox's thread: connections block (with
/// timeouts), and a slow or silent server holds up only its own mailbox.
final class MailboxPoller: @unchecked Sendable {
    // @unchecked: created on the main thread, then used by its one thread only.

    let name: String
    private let context: ServiceContext
    /// `pop-connection-security` as it was at start: a change takes effect at restart.
    private let security: TransportSecurity
    private var ledger: DeliveryLedger?
    private var tls: (caFile: String?, context: TLSContext)?
    private var memory = MailboxMemory()
    private var failures = 0
    private(set) var total = CycleReport()
    private(set) var lastCycleFailed = false

    init(account: MailboxAccount, context: ServiceContext) {
        self.name = account.name
        self.security = account.connectionSecurity
        self.context = context
    }

    /// Runs cycles until a stop is requested; with `once`, runs one.
    func run(once: Bool) {
        while !context.stop.isRequested {
            let (cycleTime, logger) = cycle()
            if once { return }
            let backoff = RetryBackoff(cycleTime: cycleTime)
            let wait = backoff.delay(afterFailures: failures)
            if failures > 0 { logger.info("next attempt in \(wait)") }
            _ = context.stop.wait(for: wait)
        }
    }

    /// One cycle with the configuration and rules as they are now; returns
    /// the cycle time to wait and the logger it used.
    private func cycle() -> (Duration, Logger) {
        var logger = context.logger
        logger[metadataKey: "mailbox"] = "\(name)"
        let (configuration, configurationGeneration) = context.configuration.currentWithGeneration(logger: logger)
        guard var account = configuration.mailbox(named: name), account.enableClient else {
            logger.notice("not enabled in the configuration any more; not polled")
            return (.seconds(30), logger)
        }
        account.connectionSecurity = security
        if account.enableDebug { logger.logLevel = .debug }
        do {
            let report = try runCycle(account, configurationGeneration: configurationGeneration, logger: logger)
            total.add(report)
            failures = 0
            lastCycleFailed = false
            logger.info("cycle done", metadata: .init(uniqueKeysWithValues: report.fields.map { ($0, "\($1)") }))
        } catch {
            failures += 1
            lastCycleFailed = true
            // A single failure is routine (a server restart, a network blip);
            // repeated ones need the operator.
            let level: Logger.Level = failures >= 3 ? .error : .warning
            logger.log(level: level, "cycle failed: \(error)", metadata: ["failures-in-a-row": "\(failures)"])
        }
        return (account.cycleTime, logger)
    }

    private func runCycle(
        _ account: MailboxAccount, configurationGeneration: Int, logger: Logger
    ) throws(FetchError) -> CycleReport {
        let (pipeline, rulesGeneration) = context.rules.currentWithGeneration(logger: logger)
        // What was left on the server was left by the options and rules of
        // then: after a change (a larger maximum-msg-size, say) look again.
        if memory.decidedWith != (configurationGeneration, rulesGeneration) {
            if !memory.left.isEmpty {
                logger.info(
                    "options or rules changed; messages left on the server are looked at again",
                    metadata: ["left": "\(memory.left.count)"])
            }
            memory.left = []
            memory.decidedWith = (configurationGeneration, rulesGeneration)
        }
        guard let base = pipeline.mailbox(named: account.name) else {
            throw .noProfile(mailbox: account.name)
        }
        let profile = account.effectiveProfile(from: base)
        let ledger = try openLedger()
        let tls = account.connectionSecurity == .none ? nil : try tlsContext(caFile: account.caFile)
        let session = try SessionOpening.open(
            account, tls: tls, maximumSize: FetchCycle.retrievalLimit(for: profile), logger: logger)
        defer { session.close() }
        let cycle = FetchCycle(
            account: account, pipeline: pipeline, profile: profile, ledger: ledger, logger: logger, stop: context.stop,
            observer: context.observer)
        return try cycle.run(on: session, memory: &memory)
    }

    private func openLedger() throws(FetchError) -> DeliveryLedger {
        if let ledger { return ledger }
        do {
            let opened = try context.store.openLedger(named: name)
            ledger = opened
            return opened
        } catch {
            throw .store(error)
        }
    }

    private func tlsContext(caFile: String?) throws(FetchError) -> TLSContext {
        if let tls, tls.caFile == caFile { return tls.context }
        let made = try SessionOpening.tlsContext(caFile: caFile)
        tls = (caFile, made)
        return made
    }
}
