@testable import mailroute
import Synchronization
import Testing

/// The ordered hand-off between the reading thread and the workers: every
/// item once, results in item order, whatever the threads, batch sizes and weights.
@Suite struct OrderedWorkersTests {
    @Test(arguments: [(1, nil), (2, nil), (3, 5), (4, 1), (2, 64)] as [(Int, Int?)])
    func everyResultArrivesOnceInOrder(jobs: Int, window: Int?) {
        var items = (0..<1_000).makeIterator()
        var delivered: [Int] = []
        OrderedWorkers<Int, Int>(jobs: jobs, window: window).run(
            next: { items.next() }, work: { $0 * 2 }, deliver: { delivered.append($0) })
        #expect(delivered == (0..<1_000).map { $0 * 2 })
    }

    /// Heavy items close their batch early; the order still holds.
    @Test func heavyItemsTravelInSmallBatches() {
        var items = (0..<500).makeIterator()
        var delivered: [Int] = []
        OrderedWorkers<Int, Int>(jobs: 3, weightWindow: 1_000).run(
            next: { items.next() }, weight: { $0 % 7 == 0 ? 900 : 1 }, makeWork: { { $0 + 1 } },
            deliver: { delivered.append($0) })
        #expect(delivered == (1...500).map { $0 })
    }

    /// Each worker thread makes its own work once and keeps using it.
    @Test func eachThreadMakesItsWorkOnce() {
        let made = Counter()
        var items = (0..<2_000).makeIterator()
        var count = 0
        OrderedWorkers<Int, Int>(jobs: 3).run(
            next: { items.next() },
            makeWork: {
                made.increment()
                return { $0 }
            },
            deliver: { _ in count += 1 })
        #expect(count == 2_000)
        #expect(made.value == 3)
    }

    @Test func anEmptyStreamDeliversNothing() {
        var delivered = 0
        OrderedWorkers<Int, Int>(jobs: 2).run(next: { nil }, work: { $0 }, deliver: { _ in delivered += 1 })
        #expect(delivered == 0)
    }
}

/// A thread-safe count.
final class Counter: Sendable {
    private let count = Mutex(0)

    func increment() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}
