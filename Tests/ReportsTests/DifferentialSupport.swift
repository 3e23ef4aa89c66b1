import Foundation
import Reports
import MessageModel

/// One field's reading, normalised the same way for both sides:
/// a string for Subject (nil when absent), a list of (display name, addr-spec) for addresses.
struct FieldReading: Equatable, CustomStringConvertible {
    enum Field: String, CaseIterable {
        case subject, from, to, cc
    }

    var subject: String?
    var addresses: [String]

    init(inspected: InspectedMessage, field: Field) {
        switch field {
        case .subject:
            subject = inspected.subject
            addresses = []
        case .from, .to, .cc:
            let list = field == .from ? inspected.from : field == .to ? inspected.to : inspected.cc
            subject = nil
            addresses = list.addresses.map { FieldReading.describe(name: $0.displayName, address: $0.addrSpec) }
        }
    }

    init(subject: String?, addresses: [String]) {
        self.subject = subject
        self.addresses = addresses
    }

    static func describe(name: String?, address: String) -> String {
        "\(name ?? "")|\(address)"
    }

    var description: String {
        if let subject { return "subject \(subject.debugDescription)" }
        return addresses.isEmpty && subject == nil ? "(none) \(addresses)" : "\(addresses)"
    }
}

/// Python's readings, from `Differential/reference.py`, by file path.
enum ReferenceReading {
    static func read(files: [URL]) throws -> [String: [FieldReading.Field: FieldReading]] {
        let folder = try Paths.temporaryDirectory(named: "differential-list")
        defer { try? FileManager.default.removeItem(at: folder) }
        let listing = folder.appendingPathComponent("files.txt")
        try files.map(\.path).joined(separator: "\n").write(to: listing, atomically: true, encoding: .utf8)
        let script = Paths.differentialFolder.appendingPathComponent("reference.py").path
        let output = try Paths.run(["python3", script, "--list", listing.path])
        var result: [String: [FieldReading.Field: FieldReading]] = [:]
        for line in output.split(separator: UInt8(ascii: "\n")) {
            guard let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                let file = object["file"] as? String
            else { continue }
            var fields: [FieldReading.Field: FieldReading] = [:]
            fields[.subject] = FieldReading(subject: object["subject"] as? String, addresses: [])
            for field in [FieldReading.Field.from, .to, .cc] {
                let list = object[field.rawValue] as? [[String: Any]] ?? []
                fields[field] = FieldReading(subject: nil, addresses: list.map {
                    FieldReading.describe(name: $0["name"] as? String, address: $0["address"] as? String ?? "")
                })
            }
            result[file] = fields
        }
        return result
    }
}

/// The documented disagreements: `file<TAB>field<TAB>reason` lines; `#` starts a comment.
enum AllowList {
    struct Key: Hashable {
        var file: String
        var field: String
    }

    static func load(_ url: URL) throws -> [Key: String] {
        var result: [Key: String] = [:]
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") {
            if line.hasPrefix("#") || line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let columns = line.split(separator: "\t", maxSplits: 2).map(String.init)
            guard columns.count == 3, !columns[2].isEmpty else { continue }
            result[Key(file: columns[0], field: columns[1])] = columns[2]
        }
        return result
    }
}
