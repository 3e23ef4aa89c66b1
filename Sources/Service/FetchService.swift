import Configuration
import Foundation
import Logging
import Pipeline
import QueueStore

/// The `mailroute run` service: polls every enabled mailbox of a
/// configuration, each on its own thread, routes what it fetches and stores
/// every interaction exactly once in the queue store.
public final class FetchService {
    private let context: ServiceContext
    private let pollers: [MailboxPoller]

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
        pollers = initial.enabledMailboxes.map { MailboxPoller(account: $0, context: context) }
    }

    /// The mailboxes polled, in configuration order.
    public var mailboxNames: [String] { pollers.map(\.name) }

    /// Polls every mailbox on its own thread until a stop is requested, or
    /// for one cycle each with `once`, and waits for every thread to finish
    /// the message in hand.
    ///
    /// - Returns: the counts of all cycles, and the mailboxes whose last cycle failed.
    public func run(once: Bool) -> (report: CycleReport, failedMailboxes: [String]) {
        let countdown = Countdown(pollers.count)
        for poller in pollers {
            let thread = Thread {
                poller.run(once: once)
                countdown.finishOne()
            }
            thread.name = "mailroute-\(poller.name)"
            thread.start()
        }
        countdown.waitForAll()
        var total = CycleReport()
        for poller in pollers { total.add(poller.total) }
        return (total, pollers.filter(\.lastCycleFailed).map(\.name))
    }
}
