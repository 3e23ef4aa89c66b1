import Testing
import TLS

@testable import Network

#if canImport(Glibc)
import Glibc
#endif

private let short = ConnectionTimeouts(connect: .seconds(5), protocol: .milliseconds(300))

@Suite struct PlainConnectionTests {
    @Test func readsLinesWithEitherTerminatorAndExactCounts() throws {
        let server = try LoopbackServer { socket in
            LoopbackServer.send(socket, "+OK ready\r\nbare\nliteral-bytes")
            LoopbackServer.send(socket, "-and-more\r\n")
        }
        defer { server.stop() }
        let connection = try Connection.open(host: "127.0.0.1", port: server.port, security: .plain, timeouts: short)
        #expect(try connection.readLine() == Array("+OK ready".utf8))
        var raw: [UInt8] = []
        #expect(try connection.readLine(appendingTo: &raw, limit: 100) == 5)
        #expect(raw == Array("bare\n".utf8))
        var literal: [UInt8] = []
        try connection.read(exactly: 13, appendingTo: &literal)
        #expect(literal == Array("literal-bytes".utf8))
        #expect(try connection.readLine() == Array("-and-more".utf8))
        #expect(!connection.isEncrypted)
    }

    @Test func aSilentServerTimesOutNamingWhatWasAwaited() throws {
        let server = try LoopbackServer { socket in _ = LoopbackServer.receive(socket, count: 1) }
        defer { server.stop() }
        let connection = try Connection.open(host: "127.0.0.1", port: server.port, security: .plain, timeouts: short)
        #expect(throws: NetworkError.timedOut(host: "127.0.0.1", port: server.port, waitingFor: "server reply",
                                              after: .milliseconds(300))) {
            _ = try connection.readLine()
        }
        connection.close()
    }

    @Test func aLineWithoutEndIsRefusedAtTheLimit() throws {
        let server = try LoopbackServer { socket in
            LoopbackServer.send(socket, String(repeating: "x", count: 5000))
            _ = LoopbackServer.receive(socket, count: 1)
        }
        defer { server.stop() }
        let connection = try Connection.open(host: "127.0.0.1", port: server.port, security: .plain, timeouts: short)
        var line: [UInt8] = []
        #expect(throws: NetworkError.lineTooLong(host: "127.0.0.1", port: server.port, limit: 1000)) {
            _ = try connection.readLine(appendingTo: &line, limit: 1000)
        }
        #expect(line.isEmpty)
        connection.close()
    }

    @Test func aLineLongerThanTheBufferIsReadWhole() throws {
        let long = String(repeating: "y", count: 200_000)
        let server = try LoopbackServer { socket in LoopbackServer.send(socket, long + "\r\n") }
        defer { server.stop() }
        let connection = try Connection.open(host: "127.0.0.1", port: server.port, security: .plain, timeouts: short)
        #expect(try connection.readLine(limit: 300_000).count == 200_000)
    }

    @Test func aServerThatHangsUpIsReportedAsClosed() throws {
        let server = try LoopbackServer { socket in LoopbackServer.send(socket, "partial") }
        defer { server.stop() }
        let connection = try Connection.open(host: "127.0.0.1", port: server.port, security: .plain, timeouts: short)
        #expect(throws: NetworkError.closedByPeer(host: "127.0.0.1", port: server.port)) {
            _ = try connection.readLine()
        }
    }

    @Test func aClosedPortIsRefused() throws {
        let server = try LoopbackServer { _ in }
        let port = server.port
        let client = try Connection.open(host: "127.0.0.1", port: port, security: .plain, timeouts: short)
        client.close()
        server.stop()
        #expect {
            _ = try Connection.open(host: "127.0.0.1", port: port, security: .plain, timeouts: short)
        } throws: { error in
            guard case NetworkError.connectionRefused(host: "127.0.0.1", port: port, let reason) = error else { return false }
            return reason.contains("refused")
        }
    }

    @Test func anUnknownHostIsNamed() {
        #expect {
            _ = try Connection.open(host: "no-such-host.invalid", port: 110, security: .plain, timeouts: short)
        } throws: { error in
            guard case NetworkError.hostNotFound(host: "no-such-host.invalid", _) = error else { return false }
            return true
        }
    }
}
