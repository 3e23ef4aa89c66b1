import Configuration
import Logging
import Pipeline
import QueueStore

/// The `mailroute run` service: polls every enabled mailbox of a
/// configuration, each on its own thread, routes what it fetches and stores
/// every interaction exactly once in the queue store.
public final class FetchService: Sendable {
    private let context: ServiceContext
    private let initialPollers: [MailboxPoller]

    /// Loads the configuration and its rules and opens the queue store.
    ///
    /// - Throws: ``ServiceError`` when the configuration or the rules have
    ///   errors (with every problem as lint prints it), when no mailbox is
    ///   enabled, or when the queue store cannot be opened.
    public init(
        configurationPath: String, configurationLoader: ConfigurationLoader, ruleLoader: RuleSetLoader,
        stop: StopRequest, logger: Logger, observer: FetchObserver = FetchObserver()
    ) throws(ServiceError) {
        let configuration = try WatchedFiles<ServiceConfiguration>("configuration", path: configurationPath) { path in
            let result = configurationLoader.load(path)
            return .init(value: result.configuration, files: [path], problems: result.diagnostics.map { "\($0)" })
        }
        let initial = configuration.current(logger: logger)
        let rules = try WatchedFiles<Pipeline>("rules", path: initial.ruleFile) { path in
            let result = ruleLoader.load(path)
            var problems = result.diagnostics.map { "\($0)" }
            var pipeline = result.pipeline
            // A rule change that drops a polled mailbox's profile is an error, like any other.
            if let loaded = pipeline {
                let mismatches = initial.check(against: loaded.mailboxes).filter { $0.severity == .error }
                if !mismatches.isEmpty {
                    problems += mismatches.map { "\($0)" }
                    pipeline = nil
                }
            }
            return .init(value: pipeline, files: result.files, problems: problems)
        }
        guard !initial.enabledMailboxes.isEmpty else { throw .noMailboxEnabled(path: configurationPath) }
        let store: QueueStore
        do {
            store = try QueueStore(root: initial.queueStoreDirectory)
        } catch {
            throw .storeUnusable(path: initial.queueStoreDirectory, reason: "\(error)")
        }
        let context = ServiceContext(configuration: configuration, rules: rules, store: store, stop: stop, logger: logger, observer: observer)
        self.context = context
        initialPollers = initial.enabledMailboxes.map { MailboxPoller(account: $0, context: context) }
    }

    /// The mailboxes polled from the start, in configuration order.
    public var mailboxNames: [String] { initialPollers.map(\.name) }

    /// Polls every mailbox on its own thread until a stop is requested, or
    /// for one cycle each with `once`, and waits for every thread to finish
    /// the message in hand.
    ///
    /// While it runs (not with `once`), a mailbox enabled in the
    /// configuration after the start gets its thread at the next look at the
    /// configuration, as often as the shortest `cycle-time` (at most every
    /// 30 seconds). A mailbox disabled or removed stays idle on its thread,
    /// and is polled again if it comes back.
    ///
    /// - Returns: the counts of all cycles, and the mailboxes whose last cycle failed.
    public func run(once: Bool) -> (report: CycleReport, failedMailboxes: [String]) {
        let threads = PollerThreads()
        let unstarted = initialPollers.filter { !start($0, on: threads, once: once) }.map(\.name)
        if !once { watchForNewMailboxes(threads) }
        let (report, failed) = threads.waitForAll()
        return (report, unstarted + failed)
    }

    /// Starts `poller`'s thread; false, with an error logged, when the system has none to give.
    private func start(_ poller: MailboxPoller, on threads: PollerThreads, once: Bool) -> Bool {
        do {
            try threads.start(poller, once: once)
            return true
        } catch {
            var logger = context.logger
            logger[metadataKey: "mailbox"] = "\(poller.name)"
            logger.error("no thread to poll the mailbox on: \(error)")
            return false
        }
    }

    /// Starts a poller for each mailbox enabled in the configuration that has none, until a stop is requested.
    private func watchForNewMailboxes(_ threads: PollerThreads) {
        var interval = Self.lookInterval(context.configuration.current(logger: context.logger).enabledMailboxes)
        while context.stop.wait(for: interval) {
            let enabled = context.configuration.current(logger: context.logger).enabledMailboxes
            for account in enabled where !threads.isPolling(account.name) {
                var logger = context.logger
                logger[metadataKey: "mailbox"] = "\(account.name)"
                logger.notice("added to the configuration; polling it from now on")
                _ = start(MailboxPoller(account: account, context: context), on: threads, once: false)
            }
            interval = Self.lookInterval(enabled)
        }
    }

    /// How often to look for new mailboxes: the shortest cycle time, from one to 30 seconds.
    private static func lookInterval(_ accounts: [MailboxAccount]) -> Duration {
        let shortest = accounts.map(\.cycleTime).min() ?? .seconds(30)
        return min(max(shortest, .seconds(1)), .seconds(30))
    }
}
