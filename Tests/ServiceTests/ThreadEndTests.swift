import Foundation
import Service
import Synchronization
import Testing

/// `run` returns only after every mailbox thread has ended, not merely
/// finished its cycles: a thread that used OpenSSL tears down its per-thread
/// state as it ends, and a process exiting meanwhile frees the same state in
/// its exit handlers (`OPENSSL_cleanup`), which corrupted the heap.
@Suite struct ThreadEndTests {
    @Test(arguments: ["POP3", "IMAP"])
    func everyMailboxThreadHasEndedWhenRunReturns(type: String) throws {
        let fixture = try ServiceFixture()
        let delivered = try fixture.deliverCorpus()
        let configuration = try fixture.writeConfiguration(type, ["pop-connection-security": "ssl-tls"])
        // "<pid>/task/<tid>": where the kernel lists the calling thread.
        let mailboxThreads = Mutex<Set<String>>([])
        let observer = FetchObserver(messageRetrieved: { _ in
            let thread = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/thread-self")) ?? "unknown"
            mailboxThreads.withLock { _ = $0.insert(thread) }
        })
        let (report, failed) = try fixture.runOnce(configuration, observer: observer)
        #expect(failed.isEmpty && report.stored == delivered)
        let threads = mailboxThreads.withLock { $0 }
        #expect(threads.count == 1)
        for thread in threads {
            #expect(thread.contains("/task/"))
            #expect(Self.hasEnded("/proc/" + thread), "thread \(thread) is still running")
        }
    }

    /// Whether the thread listed at `path` is gone, or dead and being
    /// released (state Z or X: a join returns when the thread's last act
    /// is done, a moment before the kernel stops listing it).
    static func hasEnded(_ path: String) -> Bool {
        guard let stat = try? String(contentsOfFile: path + "/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return true }
        let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first
        return state == "Z" || state == "X"
    }
}
