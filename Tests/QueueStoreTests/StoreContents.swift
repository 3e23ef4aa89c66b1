import Foundation
import QueueStore
import Testing

/// Everything a store's queues hold, read with the store's own readers and
/// checked for the promises every test relies on.
struct StoreContents: Equatable, CustomTestStringConvertible {
    /// Interaction id → the stored message's bytes.
    var messages: [String: [UInt8]] = [:]
    /// Interaction id → how many times it appears.
    var counts: [String: Int] = [:]
    /// Spool id → the spool file's bytes.
    var spool: [String: [UInt8]] = [:]
    var spoolCounts: [String: Int] = [:]
    /// The files in the spool Maildir, with or without a record.
    var spoolFiles = 0
    /// Problems: unreadable sidecars, listing errors.
    var problems: [String] = []

    /// Reads every queue and the spool of `store`.
    init(_ store: QueueStore) throws {
        for queue in try store.queueNames() {
            for item in try store.interactions(inQueue: queue) {
                switch item {
                case .success(let stored):
                    messages[stored.record.id] = try stored.bytes()
                    counts[stored.record.id, default: 0] += 1
                case .failure(let error):
                    problems.append("\(error)")
                }
            }
        }
        for directory in ["new", "cur"] {
            spoolFiles += try FileManager.default.contentsOfDirectory(atPath: store.spoolPath + "/" + directory).count
        }
        for item in store.spoolEntries() {
            switch item {
            case .success(let entry):
                spool[entry.record.id] = try entry.bytes()
                spoolCounts[entry.record.id, default: 0] += 1
            case .failure(let error):
                problems.append("\(error)")
            }
        }
    }

    /// Counts, not bytes, for failure messages.
    var testDescription: String {
        "\(messages.count) interactions, \(spool.count) spool files, duplicates \(duplicates), problems \(problems)"
    }

    /// The ids stored more than once.
    var duplicates: [String] {
        (counts.filter { $0.value > 1 }.map(\.key) + spoolCounts.filter { $0.value > 1 }.map(\.key)).sorted()
    }
}
