import Foundation
import Reports
import MessageModel
import Testing

/// Compares mailroute's reading of Subject and From/To/Cc with Python's `email`
/// package (policy=default) on the shared real-world corpus and on 500
/// synthetic messages. Each disagreement must be in the allow-list, with the
/// reason mailroute's reading is right; an allow-list entry that no longer
/// disagrees is stale and fails the test too.
@Suite struct DifferentialTests {
    @Test func agreesWithPythonEmailPackage() throws {
        let corpus = Paths.shared.appendingPathComponent("corpus/mail-gem")
        var files = try Paths.messageFiles(under: corpus).map { (label: "mail-gem/" + $0.relative, url: $0.url) }
        #expect(files.count >= 90, "the mail-gem corpus should have about 100 messages")

        let generated = try Paths.temporaryDirectory(named: "differential-gen-corpus")
        defer { try? FileManager.default.removeItem(at: generated) }
        try Paths.run(["python3", Paths.shared.appendingPathComponent("bench/gen-corpus").path,
                       "--count", "500", "--seed", "1", "--format", "eml", "--out", generated.path])
        let synthetic = try Paths.messageFiles(under: generated)
        #expect(synthetic.count == 500)
        files += synthetic.map { (label: "gen-corpus/" + $0.relative, url: $0.url) }

        let reference = try ReferenceReading.read(files: files.map(\.url))
        let allowed = try AllowList.load(Paths.differentialFolder.appendingPathComponent("allow-list.tsv"))

        var compared = 0
        var agreed = 0
        var allowedSeen = Set<AllowList.Key>()
        var unexpected: [String] = []
        for file in files {
            guard let expected = reference[file.url.path] else {
                unexpected.append("\(file.label): Python gave no reading")
                continue
            }
            let message = Message(bytes: Array(try Data(contentsOf: file.url)))
            let mine = InspectedMessage(message: message, position: file.label)
            for field in FieldReading.Field.allCases {
                compared += 1
                let ours = FieldReading(inspected: mine, field: field)
                let theirs = expected[field]
                if ours == theirs {
                    agreed += 1
                    continue
                }
                let key = AllowList.Key(file: file.label, field: field.rawValue)
                if allowed[key] != nil {
                    allowedSeen.insert(key)
                } else {
                    unexpected.append("\(file.label) \(field.rawValue):\n    mailroute: \(ours)\n    python:    \(theirs.map { "\($0)" } ?? "(no reading)")")
                }
            }
        }
        let stale = Set(allowed.keys).subtracting(allowedSeen).map { "\($0.file)\t\($0.field)" }.sorted()
        let percent = Double(agreed) / Double(max(compared, 1)) * 100
        print("differential: \(files.count) messages, \(compared) fields compared, \(agreed) agree "
            + "(\(String(format: "%.2f", percent))%), \(allowedSeen.count) allow-listed disagreements, "
            + "\(unexpected.count) unexpected")
        if !unexpected.isEmpty {
            Issue.record("\(unexpected.count) disagreements with Python not in the allow-list:\n\(unexpected.joined(separator: "\n"))")
        }
        if !stale.isEmpty {
            Issue.record("allow-list entries that no longer disagree (remove them):\n\(stale.joined(separator: "\n"))")
        }
    }
}
