import Service

/// Runs a function over a stream of items on several threads and hands the
/// results back in the order the items came, so that output stays
/// deterministic whatever the number of threads.
///
/// The calling thread reads the items, delivers the results and, rather than
/// wait, works on batches too: `jobs` threads in all. Items travel
/// in batches (up to 64, fewer when they are heavy): one lock round-trip
/// hands a worker a whole batch and brings its results back, so threads meet
/// once per batch rather than once per item. At most `window` items, and
/// about `weightWindow` of input weight, are read but not yet delivered, so
/// memory is bounded by the window, never by the length of the stream. The
/// worker threads are plain POSIX threads, not the Swift concurrency pool:
/// parsing and matching are long CPU work.
final class OrderedWorkers<Input: Sendable, Output: Sendable>: @unchecked Sendable {
    // @unchecked: every mutable field below is read and written only with `mutex` held.
    private let mutex = ThreadMutex(conditions: 2)
    private static var workQueued: Int { 0 }
    private static var batchFinished: Int { 1 }
    private var queued: [(number: Int, inputs: [Input])] = []
    private var finished: [Int: (worker: Int?, outputs: [Output])] = [:]  // worker nil: the calling thread
    /// Delivered results on their way back to the worker that made them, to be released there.
    private var delivered: [[[Output]]]
    private var closed = false

    private let jobs: Int
    private let batchSize: Int
    private let batchesInFlight: Int
    private let weightWindow: Int

    /// The most items a batch holds.
    static var largestBatch: Int { 64 }

    /// - Parameters:
    ///   - jobs: threads working, the calling thread included; 1 runs
    ///     everything on the calling thread.
    ///   - window: the most items read but not yet delivered (default: two
    ///     full batches per worker).
    ///   - weightWindow: about the most input weight (see `run`'s `weight`)
    ///     read but not yet delivered; a batch closes early once it holds its
    ///     share. Default 32 MiB, for weights in bytes.
    init(jobs: Int, window: Int? = nil, weightWindow: Int = 32 << 20) {
        self.jobs = max(1, jobs)
        let window = max(1, window ?? self.jobs * 2 * Self.largestBatch)
        batchSize = max(1, min(Self.largestBatch, window / (2 * self.jobs)))
        batchesInFlight = max(1, window / batchSize)
        self.weightWindow = max(1, weightWindow)
        delivered = Array(repeating: [], count: self.jobs)
    }

    /// Reads items from `next` until it returns nil, applies `work` to each on
    /// the worker threads, and calls `deliver` with each result in item order.
    func run(next: () -> Input?, work: @escaping @Sendable (Input) -> Output, deliver: (Output) -> Void) {
        run(next: next, makeWork: { work }, deliver: deliver)
    }

    /// Like ``run(next:work:deliver:)``, with work that keeps state of its
    /// own: each worker thread calls `makeWork` once, on itself, and applies
    /// what it returns to its items, so that nothing the work touches is
    /// shared between threads (reference counts included).
    ///
    /// - Parameter weight: how heavy an item is (its size in bytes, say),
    ///   for `weightWindow`.
    func run(
        next: () -> Input?, weight: (Input) -> Int = { _ in 1 },
        makeWork: @escaping @Sendable () -> (Input) -> Output, deliver: (Output) -> Void
    ) {
        // The calling thread is one of the `jobs`: it reads and delivers, and
        // works on a batch whenever it would otherwise wait, so that `jobs`
        // threads share `jobs` cores with no thread left over to preempt them.
        var threads: [JoinableThread] = []
        if jobs > 1 {
            for worker in 0..<(jobs - 1) {
                // No thread to be had: fewer threads do the work.
                guard let thread = try? JoinableThread.start({ [self] in workLoop(worker, makeWork()) }) else { break }
                threads.append(thread)
            }
        }
        let ownWork = makeWork()
        guard !threads.isEmpty else {
            while let item = next() { deliver(ownWork(item)) }
            return
        }
        defer {
            mutex.withLock {
                closed = true
                mutex.broadcast(Self.workQueued)
            }
            for thread in threads { thread.join() }
        }
        let batchWeight = max(1, weightWindow / batchesInFlight)
        var weights: [Int] = []  // of the batches in flight, oldest first
        var submitted = 0
        var delivered = 0
        var exhausted = false
        /// Delivers the oldest batch and gives its results back to be released
        /// by the thread that made them: their reference counts and memory stay
        /// in its cache and its malloc arena.
        func handOver(_ batch: (worker: Int?, outputs: [Output])) {
            for output in batch.outputs { deliver(output) }
            if let worker = batch.worker { mutex.withLock { self.delivered[worker].append(batch.outputs) } }
            delivered += 1
            weights.removeFirst()
        }
        while true {
            if delivered < submitted, let batch = takeFinished(delivered, waiting: false) {
                handOver(batch)
                continue
            }
            let full = weights.count >= batchesInFlight || weights.reduce(0, +) >= weightWindow
            if !exhausted && !full {
                var inputs: [Input] = []
                inputs.reserveCapacity(batchSize)
                var total = 0
                while inputs.count < batchSize && total < batchWeight {
                    guard let item = next() else {
                        exhausted = true
                        break
                    }
                    total += max(0, weight(item))
                    inputs.append(item)
                }
                guard !inputs.isEmpty else { continue }
                mutex.withLock {
                    queued.append((submitted, inputs))
                    mutex.signal(Self.workQueued)
                }
                weights.append(total)
                submitted += 1
                continue
            }
            if delivered == submitted { return }
            // Nothing to read or deliver now: work on a waiting batch rather than wait.
            if let (number, inputs) = mutex.withLock({ queued.isEmpty ? nil : queued.removeFirst() }) {
                finish(number, by: nil, inputs.map(ownWork))
                continue
            }
            // Every batch in flight is on a worker: wait for the oldest.
            if let batch = takeFinished(delivered, waiting: true) { handOver(batch) }
        }
    }

    /// The results of batch `number` once finished; without `waiting`, nil if it is not finished yet.
    private func takeFinished(_ number: Int, waiting: Bool) -> (worker: Int?, outputs: [Output])? {
        mutex.withLock {
            while waiting && finished[number] == nil { mutex.wait(Self.batchFinished) }
            return finished.removeValue(forKey: number)
        }
    }

    private func workLoop(_ worker: Int, _ work: (Input) -> Output) {
        while true {
            var released: [[Output]] = []
            guard let (number, inputs) = nextBatch(for: worker, releasing: &released) else { return }
            released = []
            finish(number, by: worker, inputs.map(work))
        }
    }

    /// Records the results of batch `number`, made by `worker` (nil: the calling thread).
    private func finish(_ number: Int, by worker: Int?, _ outputs: [Output]) {
        mutex.withLock {
            finished[number] = (worker, outputs)
            mutex.signal(Self.batchFinished)
        }
    }

    /// The oldest batch waiting for a worker; nil once the reading is over and
    /// none is left. Hands over, in `released`, the worker's delivered results.
    private func nextBatch(for worker: Int, releasing released: inout [[Output]]) -> (number: Int, inputs: [Input])? {
        mutex.withLock {
            swap(&released, &delivered[worker])
            while queued.isEmpty && !closed { mutex.wait(Self.workQueued) }
            return queued.isEmpty ? nil : queued.removeFirst()
        }
    }
}
