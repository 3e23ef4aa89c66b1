import Glibc
import Service
import Synchronization
import Testing

/// The stop flag the mailbox threads wait on between cycles: a stop ends a
/// wait at once, however long the wait was to be, and a wait without a stop
/// lasts its time.
@Suite struct StopRequestTests {
    @Test(arguments: [Duration.seconds(30), .seconds(Int64.max)])
    func aStopEndsAWait(of duration: Duration) throws {
        let stop = StopRequest()
        let waited = Mutex<Bool?>(nil)
        let thread = try JoinableThread.start {
            let whole = stop.wait(for: duration)
            waited.withLock { $0 = whole }
        }
        usleep(50_000)
        #expect(waited.withLock { $0 } == nil, "the wait ended before the stop")
        stop.request()
        thread.join()
        #expect(waited.withLock { $0 } == false)
        #expect(stop.isRequested)
    }

    @Test func aWaitWithoutAStopLastsItsDuration() {
        let stop = StopRequest()
        let start = ContinuousClock.now
        #expect(stop.wait(for: .milliseconds(30)))
        #expect(ContinuousClock.now - start >= .milliseconds(30))
        #expect(!stop.isRequested)
    }

    @Test func aWaitAfterTheStopEndsAtOnce() {
        let stop = StopRequest()
        stop.request()
        #expect(!stop.wait(for: .seconds(30)))
    }
}
