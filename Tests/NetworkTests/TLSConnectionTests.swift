import Testing
import TLS

@testable import Network

#if canImport(Glibc)
import Glibc
#endif

private let timeouts = ConnectionTimeouts(connect: .seconds(5), protocol: .seconds(5))

/// Serves TLS on `socket` and answers one line with `reply`.
private func serveTLS(_ socket: Int32, context: TLSContext, reply: String) {
    guard let session = try? TLSSession(context: context, socket: socket, serverName: nil),
        (try? session.handshake(timeout: .seconds(5))) != nil
    else { return }
    var request = [UInt8](repeating: 0, count: 256)
    _ = try? request.withUnsafeMutableBytes { try session.read(into: $0, timeout: .seconds(5)) }
    _ = try? Array(reply.utf8).withUnsafeBytes { try session.write($0, timeout: .seconds(5)) }
    session.shutdown()
}

@Suite struct TLSConnectionTests {
    @Test func implicitTLSVerifiesTheServerAndCarriesData() throws {
        let serverContext = try TestCertificates.serverContext()
        let server = try LoopbackServer { serveTLS($0, context: serverContext, reply: "* OK secure\r\n") }
        defer { server.stop() }
        let connection = try Connection.open(
            host: "127.0.0.1", port: server.port, security: .implicitTLS(try TestCertificates.trustingClient()),
            timeouts: timeouts)
        #expect(connection.isEncrypted)
        try connection.send("a1 NOOP\r\n")
        #expect(try connection.readLine() == Array("* OK secure".utf8))
    }

    @Test func anUntrustedCertificateIsRejectedNamingHostAndReason() throws {
        let serverContext = try TestCertificates.serverContext()
        let server = try LoopbackServer { serveTLS($0, context: serverContext, reply: "") }
        defer { server.stop() }
        #expect {
            _ = try Connection.open(host: "127.0.0.1", port: server.port,
                                    security: .implicitTLS(try TLSContext(configuration: .client())), timeouts: timeouts)
        } throws: { error in
            guard case NetworkError.certificateRejected(host: "127.0.0.1", port: server.port, let reason) = error
            else { return false }
            return reason.contains("certificate")
                && (error as? NetworkError)?.description.contains("127.0.0.1:\(server.port)") == true
        }
    }

    @Test func aCertificateForAnotherNameIsRejected() throws {
        // The test certificate names localhost and 127.0.0.1; 127.0.0.2 is loopback too, but not named.
        let serverContext = try TestCertificates.serverContext()
        let server = try LoopbackServer(address: "127.0.0.2") { serveTLS($0, context: serverContext, reply: "") }
        defer { server.stop() }
        #expect {
            _ = try Connection.open(host: "127.0.0.2", port: server.port,
                                    security: .implicitTLS(try TestCertificates.trustingClient()), timeouts: timeouts)
        } throws: { error in
            guard case NetworkError.certificateRejected(host: "127.0.0.2", _, let reason) = error else { return false }
            return reason.contains("mismatch")
        }
    }

    @Test func upgradeAfterAPlainGreetingEncrypts() throws {
        let serverContext = try TestCertificates.serverContext()
        let server = try LoopbackServer { socket in
            LoopbackServer.send(socket, "+OK POP3 ready\r\n")
            _ = LoopbackServer.receive(socket, count: 6)
            LoopbackServer.send(socket, "+OK begin TLS\r\n")
            serveTLS(socket, context: serverContext, reply: "+OK secret world\r\n")
        }
        defer { server.stop() }
        let connection = try Connection.open(host: "localhost", port: server.port, security: .plain, timeouts: timeouts)
        _ = try connection.readLine()
        try connection.send("STLS\r\n")
        #expect(try connection.readLine() == Array("+OK begin TLS".utf8))
        try connection.upgradeToTLS(try TestCertificates.trustingClient())
        #expect(connection.isEncrypted)
        try connection.send("CAPA\r\n")
        #expect(try connection.readLine() == Array("+OK secret world".utf8))
    }

    @Test func bytesInjectedBeforeTheHandshakeAreRefused() throws {
        let server = try LoopbackServer { socket in
            _ = LoopbackServer.receive(socket, count: 6)
            LoopbackServer.send(socket, "+OK begin TLS\r\n+OK injected\r\n")
            _ = LoopbackServer.receive(socket, count: 1)
        }
        defer { server.stop() }
        let connection = try Connection.open(host: "127.0.0.1", port: server.port, security: .plain, timeouts: timeouts)
        try connection.send("STLS\r\n")
        #expect(try connection.readLine() == Array("+OK begin TLS".utf8))
        #expect(throws: NetworkError.unexpectedDataBeforeTLS(host: "127.0.0.1", port: server.port)) {
            try connection.upgradeToTLS(try TestCertificates.trustingClient())
        }
        connection.close()
    }

    @Test func aServerThatNeverHandshakesTimesOut() throws {
        let server = try LoopbackServer { socket in _ = LoopbackServer.receive(socket, count: 100_000) }
        defer { server.stop() }
        let quick = ConnectionTimeouts(connect: .milliseconds(400), protocol: .seconds(5))
        #expect {
            _ = try Connection.open(host: "127.0.0.1", port: server.port,
                                    security: .implicitTLS(try TestCertificates.trustingClient()), timeouts: quick)
        } throws: { error in
            guard case NetworkError.timedOut(_, _, waitingFor: "TLS handshake", _) = error else { return false }
            return true
        }
    }
}
