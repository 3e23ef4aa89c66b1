@testable import POP3
import Testing

/// The body scanner sees the bytes in whatever pieces the network delivers:
/// every piece size must give the same body, and stop right after the terminator.
@Suite struct DotStuffedBodyTests {
    /// Runs the scanner over `stream` as the POP3 client does, the bytes
    /// arriving `piece` at a time; returns the body, its size, whether it
    /// was too large, and how many bytes of the stream were consumed.
    func scan(_ stream: String, piece: Int, keep: Int = .max) -> (body: String, octets: Int, tooLarge: Bool, consumed: Int)? {
        let bytes = Array(stream.utf8)
        var body = DotStuffedBody(keepingAtMost: keep)
        var output: [UInt8] = []
        var arrived = 0  // bytes the "network" has delivered
        var consumed = 0
        var minimum = 1
        while true {
            while arrived - consumed < minimum {
                guard arrived < bytes.count else { return nil }  // the stream ended first
                arrived = min(bytes.count, arrived + piece)
            }
            let (taken, progress) = bytes[consumed..<arrived].withUnsafeBytes { body.scan($0, appendingTo: &output) }
            consumed += taken
            switch progress {
            case .finished:
                return (String(decoding: output, as: UTF8.self), body.octets, body.isTooLarge, consumed)
            case .needsThreeBytes: minimum = 3
            case .needsMore: minimum = 1
            }
        }
    }

    @Test(arguments: [
        ("Subject: a\r\n\r\nbody\r\n.\r\n", "Subject: a\r\n\r\nbody\r\n"),
        ("..leading dot\r\n...\r\n.\r\n", ".leading dot\r\n..\r\n"),
        (".\r\n", ""),
        ("lf only\n..x\n.\n", "lf only\n.x\n"),
        (". \r\n.\rx\r\n.\r\n", " \r\n\rx\r\n"),
        ("a.\r\nb..\r\n..\r\n.\r\n", "a.\r\nb..\r\n.\r\n"),
        ("no final line end.\r\n.\r\n", "no final line end.\r\n"),
    ])
    func everyPieceSizeGivesTheSameBody(stream: String, expected: String) throws {
        let trailer = "+OK next reply\r\n"
        for piece in 1...(stream.utf8.count + trailer.utf8.count) {
            let result = try #require(scan(stream + trailer, piece: piece), "piece \(piece)")
            #expect(result.body == expected, "piece \(piece)")
            #expect(result.octets == expected.utf8.count)
            #expect(!result.tooLarge)
            #expect(result.consumed == stream.utf8.count, "the next reply is left unread (piece \(piece))")
        }
    }

    @Test func aBodyLongerThanTheLimitIsCountedAndReportedNotKeptWhole() throws {
        let stream = String(repeating: "0123456789\r\n", count: 100) + ".\r\n"
        for piece in [1, 7, 64, 5000] {
            let result = try #require(scan(stream, piece: piece, keep: 500))
            #expect(result.tooLarge)
            #expect(result.octets == 1200)
            #expect(result.body.utf8.count <= 500)
            #expect(result.consumed == stream.utf8.count)
        }
        let exact = try #require(scan(stream, piece: 100, keep: 1200))
        #expect(!exact.tooLarge && exact.body.utf8.count == 1200)
    }

    @Test func aStreamWithoutTerminatorNeverFinishes() {
        #expect(scan("line\r\n.x\r\n..\r\n", piece: 3) == nil)
    }
}
