import Testing

@testable import Network

#if canImport(Glibc)
import Glibc
#endif

private let timeouts = ConnectionTimeouts(connect: .seconds(5), protocol: .milliseconds(500))

@Suite struct ConsumeBufferedTests {
    @Test func waitsForTheMinimumAndKeepsWhatWasNotConsumed() throws {
        let server = try LoopbackServer { socket in
            LoopbackServer.send(socket, "ab")
            usleep(50_000)  // the client must wait for the third byte
            LoopbackServer.send(socket, "cdef\r\nrest\r\n")
        }
        defer { server.stop() }
        let connection = try Connection.open(host: "127.0.0.1", port: server.port, security: .plain, timeouts: timeouts)
        var seen: [UInt8] = []
        try connection.consumeBuffered(atLeast: 3) { bytes in
            seen = Array(bytes)
            return 4
        }
        #expect(seen.count >= 3 && seen.starts(with: Array("abc".utf8)))
        // What was not consumed comes next, to line readers too.
        #expect(try connection.readLine() == Array("ef".utf8))
        #expect(try connection.readLine() == Array("rest".utf8))
    }

    @Test func aServerThatClosesBeforeTheMinimumIsReportedAsClosed() throws {
        let server = try LoopbackServer { socket in LoopbackServer.send(socket, "x") }
        defer { server.stop() }
        let connection = try Connection.open(host: "127.0.0.1", port: server.port, security: .plain, timeouts: timeouts)
        var called = false
        #expect(throws: NetworkError.closedByPeer(host: "127.0.0.1", port: server.port)) {
            try connection.consumeBuffered(atLeast: 2) { _ in
                called = true
                return 0
            }
        }
        #expect(!called)
    }

    @Test func aLongLineSpanningManyReadsIsReadWholeAfterPartialConsumption() throws {
        // Bytes consumed from the front leave room that later reads reuse,
        // and a line longer than the buffer still grows it.
        let long = String(repeating: "z", count: 150_000)
        let server = try LoopbackServer { socket in LoopbackServer.send(socket, "0123456789" + long + "\r\n") }
        defer { server.stop() }
        let connection = try Connection.open(host: "127.0.0.1", port: server.port, security: .plain, timeouts: timeouts)
        try connection.consumeBuffered(atLeast: 10) { _ in 10 }
        #expect(try connection.readLine(limit: 200_000) == Array(long.utf8))
    }
}
