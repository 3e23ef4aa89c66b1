import Foundation
import Testing

/// Broken input: each case gives a clear message or defect saying what and
/// where, the other messages of the same mailbox are still read, and the exit
/// status is non-zero only when nothing could be read.
@Suite struct BadInputTests {
    /// A well-formed message placed between the broken ones, to show the reading goes on.
    static let good = "From: good@example.com\nSubject: still here\n\nfine\n"

    static let broken: [(name: String, message: String, defect: String)] = [
        ("only headers", "From: a@example.com\nSubject: no body and no blank line", ""),
        ("garbage", String(decoding: (0..<4096).map { UInt8(truncatingIfNeeded: ($0 &* 7919) ^ ($0 >> 3)) }, as: UTF8.self),
         "missing-header-body-separator"),
        ("100,000 header lines", "From: a@example.com\n" + String(repeating: "X-Filler: x\n", count: 100_000) + "\nbody\n",
         "too-many-header-fields"),
        ("1,000 nested multiparts", nestedMultiparts(depth: 1000), "nesting-too-deep"),
        ("invalid encoded word", "From: a@example.com\nSubject: =?utf-8?B?not base64!?=\n\nbody\n", "invalid-encoded-word"),
        ("unknown charset", "From: a@example.com\nSubject: =?x-klingon?Q?Qapla=27?=\n\nbody\n", "unknown-charset"),
    ]

    static func nestedMultiparts(depth: Int) -> String {
        var message = "From: a@example.com\nSubject: deep\nContent-Type: multipart/mixed; boundary=b0\n\n"
        for level in 1..<depth {
            message += "--b\(level - 1)\nContent-Type: multipart/mixed; boundary=b\(level)\n\n"
        }
        message += "--b\(depth - 1)\nContent-Type: text/plain\n\ninnermost\n"
        for level in stride(from: depth - 1, through: 0, by: -1) { message += "--b\(level)--\n" }
        return message
    }

    /// Each broken message in its own mbox entry, a good message after each one.
    @Test func brokenMessagesAreReadWithDefectsAndTheRestGoesOn() throws {
        var mbox = ""
        for (_, message, _) in Self.broken {
            mbox += "From sender@example.com Mon Nov  2 09:00:00 2026\n" + message + "\n\n"
            mbox += "From sender@example.com Mon Nov  2 09:00:00 2026\n" + Self.good + "\n"
        }
        let url = try Self.write(mbox, named: "broken.mbox")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let result = try CommandRunner.run(["inspect", "--json", url.path])
        #expect(result.status == 0)
        let objects = try result.standardOutput.split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        try #require(objects.count == Self.broken.count * 2)
        for (index, case_) in Self.broken.enumerated() {
            let broken = objects[index * 2]
            let after = objects[index * 2 + 1]
            #expect(after["subject"] as? String == "still here", "the message after \(case_.name) was read")
            let kinds = (broken["defects"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
            if !case_.defect.isEmpty {
                #expect(kinds.contains(case_.defect), "\(case_.name) has a \(case_.defect) defect, got \(kinds)")
            }
        }
        #expect(objects[0]["subject"] as? String == "no body and no blank line")
    }

    @Test func aTruncatedMboxStillGivesItsMessages() throws {
        let mbox = "From a@example.com Mon Nov  2 09:00:00 2026\n" + Self.good + "\n"
            + "From b@example.com Mon Nov  2 09:00:00 2026\nFrom: b@example.com\nSubject: cut off\nContent-Type: multipart/mixed; boundary=x\n\n--x\nContent-Type: text/pl"
        let url = try Self.write(mbox, named: "truncated.mbox")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let result = try CommandRunner.run(["inspect", "--json", url.path])
        #expect(result.status == 0)
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.last?.contains("\"subject\":\"cut off\"") == true)
        #expect(lines.last?.contains("missing-closing-boundary") == true)
    }

    @Test func anEmptyDirectoryIsNotAMailbox() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mailroute-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CommandRunner.run(["inspect", folder.path])
        #expect(result.status == 1)
        #expect(result.standardError.contains(folder.path))
        #expect(result.standardError.contains("not a mailbox"))
    }

    /// Writes `text` to a file `name` in a new temporary folder, which the caller removes.
    static func write(_ text: String, named name: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mailroute-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }
}
