import Foundation

/// Runs a function over a stream of items on several threads and hands the
/// results back in the order the items came, so that output stays
/// deterministic whatever the number of threads.
///
/// The calling thread reads the items and delivers the results; at most
/// `window` items are in flight, so memory is bounded by the window, never
/// by the length of the stream. The worker threads are plain threads, not
/// the Swift concurrency pool: parsing and matching are long CPU work.
final class OrderedWorkers<Input: Sendable, Output: Sendable>: @unchecked Sendable {
    // @unchecked: every mutable field below is read and written only while `condition` is locked.
    private let condition = NSCondition()
    private var pending: [(sequence: Int, input: Input)] = []
    private var pendingStart = 0
    private var results: [Int: Output] = [:]
    private var closed = false
    private let jobs: Int
    private let window: Int

    /// - Parameters:
    ///   - jobs: worker threads; 1 runs everything on the calling thread.
    ///   - window: the most items read but not yet delivered.
    init(jobs: Int, window: Int? = nil) {
        self.jobs = max(1, jobs)
        self.window = max(1, window ?? self.jobs * 4)
    }

    /// Reads items from `next` until it returns nil, applies `work` to each on
    /// the worker threads, and calls `deliver` with each result in item order.
    func run(next: () -> Input?, work: @escaping @Sendable (Input) -> Output, deliver: (Output) -> Void) {
        guard jobs > 1 else {
            while let item = next() { deliver(work(item)) }
            return
        }
        var threads: [Thread] = []
        for index in 0..<jobs {
            let thread = Thread { [self] in self.workLoop(work) }
            thread.name = "mailroute-worker-\(index)"
            thread.stackSize = 8 << 20
            threads.append(thread)
            thread.start()
        }
        var submitted = 0
        var delivered = 0
        var exhausted = false
        while !exhausted || delivered < submitted {
            if !exhausted && submitted - delivered < window {
                if let item = next() {
                    condition.lock()
                    pending.append((submitted, item))
                    condition.broadcast()
                    condition.unlock()
                    submitted += 1
                } else {
                    exhausted = true
                }
                continue
            }
            condition.lock()
            while results[delivered] == nil { condition.wait() }
            let output = results.removeValue(forKey: delivered)
            condition.unlock()
            if let output { deliver(output) }
            delivered += 1
        }
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    private func workLoop(_ work: @Sendable (Input) -> Output) {
        while true {
            condition.lock()
            while pendingStart == pending.count && !closed { condition.wait() }
            if pendingStart == pending.count {
                condition.unlock()
                return
            }
            let (sequence, input) = pending[pendingStart]
            pendingStart += 1
            if pendingStart > 1024 && pendingStart * 2 > pending.count {
                pending.removeFirst(pendingStart)
                pendingStart = 0
            }
            condition.unlock()
            let output = work(input)
            condition.lock()
            results[sequence] = output
            condition.broadcast()
            condition.unlock()
        }
    }
}
