import Foundation
import Glibc
import QueueStore
import Testing

/// A writer killed with SIGKILL at any point of a batch, then run again,
/// leaves every interaction exactly once and nothing half-written in sight.
@Suite struct CrashTests {
    /// The child's entry point: runs only in a process the crash test starts.
    @Test(.enabled(if: CrashWriter.isChild)) func childWriter() throws {
        let environment = ProcessInfo.processInfo.environment
        try CrashWriter.run(
            root: try #require(environment[CrashWriter.rootVariable]), killAt: environment[CrashWriter.killVariable] ?? "none",
            started: environment[CrashWriter.startedVariable], done: environment[CrashWriter.doneVariable])
    }

    /// Kills the writer at every step of a batch (while staging, after the
    /// files are synced, right after the commit point, in the middle of the
    /// moves) and once at a moment the parent picks; after each kill the
    /// queues show only whole messages, each at most once, and after a last
    /// full run the store holds exactly what an uninterrupted run stores.
    @Test(.disabled(if: CrashWriter.isChild)) func aKilledWriterStoresEveryInteractionExactlyOnce() throws {
        let fixture = try StoreFixture("crash")
        defer { fixture.remove() }
        let referenceRoot = fixture.directory + "/reference"
        try CrashWriter.reference(root: referenceRoot)
        let reference = try StoreContents(QueueStore(root: referenceRoot))
        #expect(reference.problems.isEmpty && reference.duplicates.isEmpty && reference.messages.count > 50)

        let rounds = ["staged:15", "filesSynced:2", "committed:1", "moved:3", "committed:2", "moved:25", "parent", "none"]
        for (number, round) in rounds.enumerated() {
            let started = fixture.directory + "/started-\(number)"
            let done = fixture.directory + "/done-\(number)"
            let child = try ChildProcess(
                environment: [
                    CrashWriter.rootVariable: fixture.storeRoot, CrashWriter.killVariable: round == "parent" ? "none" : round,
                    CrashWriter.startedVariable: started, CrashWriter.doneVariable: done,
                ],
                log: fixture.directory + "/child-\(number).log")
            if round == "parent" {
                try child.waitFor(file: started)
                usleep(40_000)
                child.kill()
            }
            let status = try child.wait()
            let finished = FileManager.default.fileExists(atPath: done)
            switch round {
            case "none":
                #expect(status == .exited(0) && finished, "round \(round): \(status)\n\(child.logTail())")
            case "parent":
                #expect(status == .killed || (status == .exited(0) && finished), "round \(round): \(status)\n\(child.logTail())")
            default:
                #expect(status == .killed && !finished, "round \(round): \(status)\n\(child.logTail())")
            }
            // What any mail tool sees now, before a ledger is opened to recover.
            let visible = try StoreContents(QueueStore(root: fixture.storeRoot))
            #expect(visible.problems.isEmpty, "round \(round): \(visible.problems)")
            #expect(visible.duplicates.isEmpty, "round \(round)")
            for (id, bytes) in visible.messages { #expect(reference.messages[id] == bytes, "round \(round): \(id)") }
            for (id, bytes) in visible.spool { #expect(reference.spool[id] == bytes, "round \(round): spool \(id)") }
        }

        let final = try StoreContents(QueueStore(root: fixture.storeRoot))
        #expect(final == reference)
        #expect(final.spoolFiles == final.spool.count, "every spool file has its record")
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.storeRoot + "/sources/support/staging").isEmpty)
        let store = try QueueStore(root: fixture.storeRoot)
        let ledger = try store.openLedger(named: "support")
        #expect(ledger.count == StoreFixture.corpusDeliveries.count)
    }
}
