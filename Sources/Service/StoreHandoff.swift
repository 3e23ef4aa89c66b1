import QueueStore

/// The bounded hand-over between a mailbox's two threads in a cycle: the
/// fetching thread puts messages and group ends in, the storing
/// thread (``GroupStorer``) takes them out and hands back each group it
/// committed, or the error that stopped it.
///
/// At most ``capacity`` messages, and at most ``byteLimit`` bytes of them
/// unless the queue is empty, wait here, so memory stays a constant plus the
/// largest messages whatever the mailbox holds.
final class StoreHandoff: @unchecked Sendable {
    // @unchecked: every stored property below is touched only with `condition` locked.

    /// What the fetching thread hands over.
    enum Item: Sendable {
        /// A retrieved message, with its ledger identity, for the storing thread to route.
        case retrieved(RemoteMessage, SourceIdentity, [UInt8])
        /// A retrieved message the fetching thread has routed already.
        case routed(RemoteMessage, Delivery)
        /// A retrieved message the fetching thread has routed and written to staging.
        case prepared(RemoteMessage, PreparedDelivery)
        /// A message larger than the retrieval limit: nothing of it was kept.
        case tooLarge(RemoteMessage, limit: Int)
        /// A message the server would not give.
        case refused(RemoteMessage, reason: String)
        /// The end of a group: commit what came since the last one.
        case groupEnd
        /// Nothing more comes: commit nothing further, and end the thread.
        case end
    }

    /// The most messages waiting.
    let capacity: Int
    /// The most bytes of waiting messages, unless only one waits.
    let byteLimit: Int
    private let condition = ThreadMutex()
    /// Waiting items from `first` on; taken ones are set to nil at once, so
    /// that their messages are freed while the queue never runs empty.
    private var items: [Item?] = []
    private var first = 0
    private var bytes = 0
    private var committed: [GroupSorting] = []
    private var failure: StoreError?
    private var report = CycleReport()
    private var done = false

    init(capacity: Int, byteLimit: Int) {
        self.capacity = max(1, capacity)
        self.byteLimit = byteLimit
    }

    // MARK: the fetching thread

    /// Queues `item`, waiting while the queue is full. Returns false, and
    /// queues nothing, once the storing thread has failed or ended.
    @discardableResult
    func put(_ item: Item) -> Bool {
        let size = Self.size(of: item)
        condition.lock()
        defer { condition.unlock() }
        while failure == nil && !done && waiting > 0
            && (waiting >= capacity || bytes + size > byteLimit)
        {
            condition.wait()
        }
        guard failure == nil && !done else {
            Self.discard(item)
            return false
        }
        items.append(item)
        bytes += size
        condition.broadcast()
        return true
    }

    /// The groups committed since the last call, oldest first; never waits.
    func takeCommitted() -> [GroupSorting] {
        condition.lock()
        defer { condition.unlock() }
        defer { committed = [] }
        return committed
    }

    /// Waits until the storing thread has ended (after ``Item/end``, or a
    /// failure), and returns the groups committed since the last
    /// ``takeCommitted()``, its counts, and the error that stopped it.
    func waitUntilDone() -> (committed: [GroupSorting], report: CycleReport, failure: StoreError?) {
        condition.lock()
        defer { condition.unlock() }
        while !done { condition.wait() }
        defer { committed = [] }
        return (committed, report, failure)
    }

    /// How far the storing thread is behind, which says how much of its work
    /// the fetching thread had better do itself.
    enum Backlog {
        /// Half the room or less is taken.
        case small
        /// More than half: route messages before handing them over.
        case large
        /// More than three quarters: route them and write them to staging too.
        case nearlyFull
    }

    /// How full the queue is now.
    var backlog: Backlog {
        condition.lock()
        defer { condition.unlock() }
        return waiting * 4 > capacity * 3 ? .nearlyFull : waiting * 2 > capacity ? .large : .small
    }

    /// The store error that stopped the storing thread, if one did.
    var storeFailure: StoreError? {
        condition.lock()
        defer { condition.unlock() }
        return failure
    }

    // MARK: the storing thread

    /// The next item, waiting for one.
    func take() -> Item {
        condition.lock()
        defer { condition.unlock() }
        while waiting == 0 { condition.wait() }
        // A waiting slot always holds an item; were one ever empty, ending is the
        // safe answer: nothing more would be stored, nor removed from the server.
        let item = items[first].take() ?? .end
        first += 1
        if first == items.count {
            items.removeAll(keepingCapacity: true)
            first = 0
        } else if first >= capacity {
            items.removeFirst(first)
            first = 0
        }
        bytes -= Self.size(of: item)
        condition.broadcast()
        return item
    }

    /// A group was committed; the fetching thread may now remove it from the server.
    func groupCommitted(_ sorting: GroupSorting) {
        condition.lock()
        committed.append(sorting)
        condition.unlock()
    }

    /// Records the error that stops the storing thread; later messages are
    /// refused, and those waiting will never be taken.
    func fail(_ error: StoreError) {
        condition.lock()
        if failure == nil { failure = error }
        for index in first..<items.count {
            if let item = items[index].take() { Self.discard(item) }
        }
        items.removeAll()
        first = 0
        bytes = 0
        condition.broadcast()
        condition.unlock()
    }

    /// The storing thread ends, with its counts.
    func finish(report: CycleReport) {
        condition.lock()
        self.report = report
        done = true
        condition.broadcast()
        condition.unlock()
    }

    private var waiting: Int { items.count - first }

    /// Gives up an item that will never be stored: a prepared message's staged files go.
    private static func discard(_ item: Item) {
        if case .prepared(_, let prepared) = item { prepared.discard() }
    }

    private static func size(of item: Item) -> Int {
        switch item {
        case .retrieved(_, _, let bytes): bytes.count
        case .routed(_, let delivery): delivery.message.bytes.count
        case .prepared, .tooLarge, .refused, .groupEnd, .end: 0
        }
    }
}
