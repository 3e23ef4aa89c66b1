import Foundation
import Synchronization
import TLS
import Testing
@testable import DovecotHarness

/// A fresh test PKI in a directory removed on deinit.
final class TemporaryCertificates {
    let directory = NSTemporaryDirectory() + "scripted-tls-" + UUID().uuidString
    let certificates: GeneratedCertificates

    init() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        certificates = try GeneratedCertificates.create(in: directory)
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }
}

/// The scripted fake server runs its script per connection, upgrades to TLS,
/// never hangs, and reports what its scripts threw.
@Suite struct ScriptedServerTests {
    @Test func runsTheScriptForEachConnection() throws {
        let heard = Mutex<[String]>([])
        let server = try ScriptedServer { peer in
            try peer.send("+OK fake POP3 ready\r\n")
            while let line = try peer.readLine() {
                heard.withLock { $0.append(line) }
                if line == "QUIT" { break }
                try peer.send("-ERR no \(line)\r\n")
            }
            try peer.send("+OK bye\r\n")
        }
        for _ in 0..<2 {
            let client = try LineClient(port: server.port)
            #expect(try client.line() == "+OK fake POP3 ready")
            #expect(try client.ask("STAT") == "-ERR no STAT")
            #expect(try client.ask("QUIT") == "+OK bye")
            #expect(try client.line() == "(closed)")
        }
        #expect(server.waitUntilIdle())
        #expect(server.connectionCount == 2)
        #expect(server.errors.isEmpty)
        #expect(heard.withLock { $0 } == ["STAT", "QUIT", "STAT", "QUIT"])
    }

    @Test func upgradesToTLSAfterSTLS() throws {
        let temporary = try TemporaryCertificates()
        let certificates = temporary.certificates
        let serverContext = try certificates.serverContext()
        let server = try ScriptedServer { peer in
            try peer.send("+OK ready\r\n")
            guard try peer.readLine() == "STLS" else { return }
            try peer.send("+OK begin TLS\r\n")
            try peer.startTLS(serverContext)
            let line = try peer.readLine() ?? ""
            try peer.send("+OK heard \(line) encrypted=\(peer.isEncrypted)\r\n")
        }
        let client = try LineClient(port: server.port)
        _ = try client.line()
        #expect(try client.ask("STLS") == "+OK begin TLS")
        try client.peer.startTLS(try certificates.clientContext())
        #expect(try client.ask("CAPA") == "+OK heard CAPA encrypted=true")
        #expect(server.waitUntilIdle())
        #expect(server.errors.isEmpty)
    }

    @Test func implicitTLSHandshakesBeforeTheScript() throws {
        let temporary = try TemporaryCertificates()
        let certificates = temporary.certificates
        let server = try ScriptedServer(tls: try certificates.serverContext()) { peer in
            try peer.send("+OK encrypted=\(peer.isEncrypted)\r\n")
        }
        let trusting = try LineClient(port: server.port)
        try trusting.peer.startTLS(try certificates.clientContext())
        #expect(try trusting.line() == "+OK encrypted=true")
        let distrusting = try LineClient(port: server.port)
        #expect(throws: HarnessError.self) { try distrusting.peer.startTLS(try certificates.clientContext(trusted: false)) }
        distrusting.peer.close()
        #expect(server.waitUntilIdle())
        #expect(server.connectionCount == 2)
        #expect(server.errors.count == 1)  // the handshake the client refused
    }

    @Test func scriptTimeoutsAndErrorsAreReported() throws {
        let server = try ScriptedServer { peer in
            peer.timeout = .milliseconds(200)
            _ = try peer.readLine()  // the client says nothing
        }
        let client = try LineClient(port: server.port)
        #expect(try client.line() == "(closed)")  // the script gave up and the connection closed
        #expect(server.waitUntilIdle())
        #expect(server.errors.count == 1)
        #expect(server.errors.first?.contains("no line within") == true)
    }

    @Test func stopEndsSilentScriptsAndRefusesNewConnections() throws {
        let server = try ScriptedServer { peer in
            try peer.send("* OK hello\r\n")
            peer.ignoreUntilClosed()  // a server that stopped answering
        }
        let client = try LineClient(port: server.port)
        #expect(try client.line() == "* OK hello")
        try client.peer.send("a NOOP\r\n")
        server.stop()
        #expect(server.waitUntilIdle(timeout: .zero))
        #expect(try client.line() == "(closed)")
        #expect(throws: HarnessError.self) { try LineClient(port: server.port) }
    }
}
