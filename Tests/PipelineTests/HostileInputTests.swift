#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MessageModel
import Pipeline
import Testing

@Suite struct HostileInputTests {
    /// Cuts, duplicates and corrupts slices of a valid rule file; loading each
    /// variant must give diagnostics or a pipeline, never a crash.
    @Test func damagedRuleFilesNeverCrashTheLoader() throws {
        let original = try #require(CorpusListing.read(Support.fixtures + "routing.xml"))
        let directory = Support.fixtures + "shared"
        let path = "/tmp/mailroute-damaged-\(getpid()).xml"
        defer { unlink(path) }
        var seed: UInt64 = 0x5eed
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(max(bound, 1)))
        }
        for round in 0..<150 {
            var bytes = original
            let start = next(bytes.count), length = next(40)
            let end = min(bytes.count, start + length)
            switch round % 3 {
            case 0: bytes.removeSubrange(start..<end)
            case 1: bytes.insert(contentsOf: bytes[start..<end], at: next(bytes.count))
            default: for index in start..<end { bytes[index] = UInt8(truncatingIfNeeded: next(256)) }
            }
            // Keep the include resolvable from /tmp.
            let text = String(decoding: bytes, as: UTF8.self).replacingIncludes(with: directory)
            guard let file = fopen(path, "wb") else { return }
            _ = Array(text.utf8).withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
            fclose(file)
            let result = RuleSetLoader().load(path)
            #expect(result.pipeline != nil || result.diagnostics.contains { $0.severity == .error })
            if let pipeline = result.pipeline {
                _ = pipeline.process(message: Support.message(Support.mail(subject: "invoice [T-1]")))
            }
        }
    }

    @Test func thousandsOfRecipientsMakeAtMostTheCopyLimit() throws {
        let recipients = (0..<5000).map { "r\($0)@x.example" }.joined(separator: ", ")
        let text = "To: \(recipients)\nCc: \(recipients)\nSubject: hi\n\nbody\n"
        let decision = try #require(Support.decide(text, mailbox: "fanout"))
        #expect(decision.interactions.count == 3)
    }
}

extension String {
    /// The text with `href="shared/` pointing into `directory` instead.
    fileprivate func replacingIncludes(with directory: String) -> String {
        var result = ""
        var rest = Substring(self)
        let marker = "href=\"shared/"
        while let range = rest.firstRange(of: marker) {
            result += rest[..<range.lowerBound] + "href=\"" + directory + "/"
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
