import Foundation
import Glibc
@testable import QueueStore

/// The writer the crash tests run in a child process (the test binary run
/// again, selecting one test): it stores the corpus in batches of ten and
/// kills itself with SIGKILL at the step its environment names.
enum CrashWriter {
    static let rootVariable = "MAILROUTE_STORE_CRASH_ROOT"
    static let killVariable = "MAILROUTE_STORE_CRASH_AT"
    static let startedVariable = "MAILROUTE_STORE_CRASH_STARTED"
    static let doneVariable = "MAILROUTE_STORE_CRASH_DONE"
    static let batchSize = 10

    /// Whether this process is a crash child.
    static var isChild: Bool { ProcessInfo.processInfo.environment[rootVariable] != nil }

    /// Stores the corpus into `root` in batches; `killAt` is `phase:n` (the
    /// n-th time that step is reached: `staged`, `filesSynced`, `committed`,
    /// `moved`) or `none`.
    static func run(root: String, killAt: String, started: String?, done: String?) throws {
        let parts = killAt.split(separator: ":")
        let phase = parts.first.map(String.init) ?? "none"
        let target = parts.count > 1 ? Int(parts[1]) ?? 1 : 1
        var reached = 0
        let store = try QueueStore(root: root)
        let ledger = try store.openLedger(named: "support")
        let deliveries = StoreFixture.corpusDeliveries
        if let started { _ = FileManager.default.createFile(atPath: started, contents: nil) }
        for start in stride(from: 0, to: deliveries.count, by: batchSize) {
            let batch = ledger.makeBatch()
            batch.phaseObserver = { step in
                guard name(of: step) == phase else { return }
                reached += 1
                if reached == target { kill(getpid(), SIGKILL) }
            }
            for delivery in deliveries[start..<min(start + batchSize, deliveries.count)] { _ = try batch.add(delivery) }
            _ = try batch.commit()
        }
        if let done { _ = FileManager.default.createFile(atPath: done, contents: nil) }
    }

    /// Stores the corpus the same way without a crash, for comparison.
    static func reference(root: String) throws {
        try run(root: root, killAt: "none", started: nil, done: nil)
    }

    private static func name(of phase: CommitPhase) -> String {
        switch phase {
        case .staged: "staged"
        case .filesSynced: "filesSynced"
        case .committed: "committed"
        case .moved: "moved"
        }
    }
}
