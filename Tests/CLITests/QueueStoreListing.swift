import Foundation

/// What a queue store holds, read the way a mail tool reads it: the files of
/// each queue's and the spool's Maildir (`new/` and `cur/`), each with the
/// sidecar of the same name.
struct QueueStoreListing: Equatable {
    /// One stored message: its queue (`spool` for the spool) and its bytes.
    struct Stored: Equatable {
        var queue: String
        var bytes: Data
    }

    /// Sidecar id → the message; the last one read when an id is there twice.
    var messages: [String: Stored] = [:]
    /// Sidecar ids found more than once.
    var duplicates: [String] = []
    /// Messages per queue directory.
    var queueCounts: [String: Int] = [:]
    /// Messages without a readable sidecar.
    var problems: [String] = []

    /// Lists the store at `root`; a store with no queues yet is empty.
    init(root: URL) throws {
        let manager = FileManager.default
        let queues = root.appendingPathComponent("queues")
        for queue in (try? manager.contentsOfDirectory(atPath: queues.path)) ?? [] {
            try read(queues.appendingPathComponent(queue), as: queue, sidecars: root.appendingPathComponent("sidecars/queues/\(queue)"))
        }
        try read(root.appendingPathComponent("spool"), as: "spool", sidecars: root.appendingPathComponent("sidecars/spool"))
    }

    /// The interactions only, without the spool.
    var interactions: [String: Stored] { messages.filter { $0.value.queue != "spool" } }

    private mutating func read(_ maildir: URL, as queue: String, sidecars: URL) throws {
        for part in ["new", "cur"] {
            let directory = maildir.appendingPathComponent(part)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [] {
                let base = name.split(separator: ":", maxSplits: 1).first.map(String.init) ?? name
                let sidecar = sidecars.appendingPathComponent(base + ".json")
                guard let data = FileManager.default.contents(atPath: sidecar.path),
                    let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let id = object["id"] as? String
                else {
                    problems.append("\(queue)/\(part)/\(name): no readable sidecar")
                    continue
                }
                if messages[id] != nil { duplicates.append(id) }
                messages[id] = Stored(queue: queue, bytes: try Data(contentsOf: directory.appendingPathComponent(name)))
                if queue != "spool" { queueCounts[queue, default: 0] += 1 }
            }
        }
    }
}
