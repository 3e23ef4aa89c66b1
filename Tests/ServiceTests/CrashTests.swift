import DovecotHarness
import Foundation
import Service
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Exactly once when things die: the service killed between storing and
/// removing, the server killed in the middle of a transfer, and a clean
/// SIGTERM.
@Suite struct CrashTests {
    @Test(arguments: ["POP3", "IMAP"])
    func aServiceKilledAfterStoringAndBeforeRemovingStoresEveryMessageOnce(type: String) throws {
        let fixture = try ServiceFixture()
        let delivered = try fixture.deliverCorpus(count: 150)
        let configuration = try fixture.writeConfiguration(type, ["maximum-msg-number": "500"])
        let killed = try Self.mailroute(["run", "--config", configuration, "--once"],
                                        environment: ["MAILROUTE_TEST_KILL_AFTER_COMMIT": "1"])
        #expect(killed.reason == .uncaughtSignal && killed.status == SIGKILL)
        // The first group was stored, and nothing was removed from the server.
        #expect(try fixture.spool().count == 100)
        #expect(try fixture.onServer() == delivered)

        try Self.expectTheRestStoredOnce(fixture, configuration, delivered: delivered, storedBefore: 100)
    }

    @Test(arguments: ["POP3", "IMAP"])
    func aServerKilledMidTransferLosesNothing(type: String) throws {
        let fixture = try ServiceFixture()
        let delivered = try fixture.deliverCorpus(count: 250)
        let configuration = try fixture.writeConfiguration(type, ["maximum-msg-number": "500"])
        let counter = Counter()
        let dovecot = fixture.dovecot
        // Killed in the second group, with pipelined retrievals in flight.
        let observer = FetchObserver(messageRetrieved: { _ in
            if counter.increment() == 150 { dovecot.kill() }
        })
        let (_, failed) = try fixture.runOnce(configuration, observer: observer)
        #expect(failed == ["support"])
        // What arrived whole before the server died is stored, and not more.
        let storedBefore = try fixture.spool().count
        #expect(storedBefore >= 149 && storedBefore < delivered)

        try fixture.dovecot.restart()
        let (second, failedAgain) = try fixture.runOnce(configuration)
        #expect(failedAgain.isEmpty, "\(fixture.logs.text)")
        let spool = try fixture.spool()
        #expect(spool.count == delivered)
        #expect(Set(spool.map(\.source)).count == delivered)
        #expect(storedBefore + second.stored == delivered)
        #expect(try fixture.onServer() == 0)
    }

    @Test(arguments: ["POP3", "IMAP"])
    func aStoreFailureMidCycleRemovesNothingAndTheNextCycleStoresTheRestOnce(type: String) throws {
        let fixture = try ServiceFixture()
        let delivered = try fixture.deliverCorpus(count: 250)
        let configuration = try fixture.writeConfiguration(type, ["maximum-msg-number": "500"])
        let staging = fixture.storeDirectory + "/sources/support/staging"
        let counter = Counter()
        // After the first commit, staging becomes a plain file: the next message cannot be staged.
        let observer = FetchObserver(groupCommitted: { _, _ in
            guard counter.increment() == 1 else { return }
            try? FileManager.default.removeItem(atPath: staging)
            _ = FileManager.default.createFile(atPath: staging, contents: Data())
        })
        let (_, failed) = try fixture.runOnce(configuration, observer: observer)
        #expect(failed == ["support"])
        #expect(fixture.logs.text.contains("queue store"), "\(fixture.logs.text)")
        #expect(try fixture.spool().count == 100)
        #expect(try fixture.onServer() == delivered)

        try FileManager.default.removeItem(atPath: staging)
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: false)
        try Self.expectTheRestStoredOnce(fixture, configuration, delivered: delivered, storedBefore: 100)
    }

    @Test func sigtermFinishesAndExitsCleanly() throws {
        let fixture = try ServiceFixture()
        try fixture.deliverCorpus()
        let configuration = try fixture.writeConfiguration("POP3", ["cycle-time": "00:00:01"])
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["run", "--config", configuration]
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait (bounded) until the first cycle stored the messages, then stop it.
        let deadline = Date().addingTimeInterval(30)
        while (try? fixture.spool().count) != ServiceFixture.corpusNames.count && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.1)
        }
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        #expect(try fixture.spool().count == ServiceFixture.corpusNames.count)
    }

    /// A run after an interrupted one: it stores what the first did not,
    /// removes every message from the server, and no message is stored twice.
    static func expectTheRestStoredOnce(
        _ fixture: ServiceFixture, _ configuration: String, delivered: Int, storedBefore: Int
    ) throws {
        let (report, failed) = try fixture.runOnce(configuration)
        #expect(failed.isEmpty, "\(fixture.logs.text)")
        #expect(report.stored == delivered - storedBefore)
        #expect(report.removed == delivered)
        let spool = try fixture.spool()
        #expect(spool.count == delivered)
        #expect(Set(spool.map(\.source)).count == delivered)
        #expect(try fixture.onServer() == 0)
    }

    static var binary: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("mailroute")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return URL(fileURLWithPath: ServiceFixture.packageRoot + "/.build/debug/mailroute")
    }

    static func mailroute(_ arguments: [String], environment: [String: String]) throws
        -> (reason: Process.TerminationReason, status: Int32)
    {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return (process.terminationReason, process.terminationStatus)
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func increment() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
    }
}
