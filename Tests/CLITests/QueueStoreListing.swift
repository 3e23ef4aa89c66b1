import Foundation

/// What a queue store holds, read the way a mail tool reads it: the files of
/// each queue's and the spool's Maildir (`new/` and `cur/`), each with the
/// sidecar of the same name (for the spool: its record in the spool indexes).
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
            let sidecars = root.appendingPathComponent("sidecars/queues/\(queue)")
            try read(queues.appendingPathComponent(queue), as: queue) { name in
                FileManager.default.contents(atPath: sidecars.appendingPathComponent(name + ".json").path)
            }
        }
        // Every line of every spool index, by the spool file it describes.
        var records: [String: Data] = [:]
        let indexes = root.appendingPathComponent("sidecars/spool")
        for index in (try? manager.contentsOfDirectory(atPath: indexes.path)) ?? [] {
            let data = try Data(contentsOf: indexes.appendingPathComponent(index))
            for line in data.split(separator: UInt8(ascii: "\n")) {
                let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any]
                if let file = object?["file"] as? String { records[file] = Data(line) }
            }
        }
        try read(root.appendingPathComponent("spool"), as: "spool") { records[$0] }
    }

    /// The interactions only, without the spool.
    var interactions: [String: Stored] { messages.filter { $0.value.queue != "spool" } }

    private mutating func read(_ maildir: URL, as queue: String, sidecar: (String) -> Data?) throws {
        for part in ["new", "cur"] {
            let directory = maildir.appendingPathComponent(part)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [] {
                let base = name.split(separator: ":", maxSplits: 1).first.map(String.init) ?? name
                guard let data = sidecar(base),
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
