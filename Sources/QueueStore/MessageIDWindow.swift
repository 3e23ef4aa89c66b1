/// The most recent Message-IDs of a mailbox, at most `limit`, oldest dropped
/// first: the memory of the Genesys `enable-message-id-check` stays bounded
/// however long the service runs.
struct MessageIDWindow {
    /// How many Message-IDs are remembered.
    let limit: Int
    private var order: [String] = []
    private var head = 0
    private var members: Set<String> = []

    init(limit: Int) {
        self.limit = max(0, limit)
    }

    func contains(_ id: String) -> Bool {
        members.contains(id)
    }

    /// Remembers `id` as the newest, forgetting the oldest beyond the limit.
    mutating func insert(_ id: String) {
        guard limit > 0, members.insert(id).inserted else { return }
        order.append(id)
        if members.count > limit {
            members.remove(order[head])
            head += 1
            // Drop the forgotten prefix now and then, not on every insert.
            if head >= 1024 && head * 2 >= order.count {
                order.removeFirst(head)
                head = 0
            }
        }
    }

    /// The remembered Message-IDs, oldest first.
    var inOrder: ArraySlice<String> { order[head...] }

    var count: Int { members.count }
}
