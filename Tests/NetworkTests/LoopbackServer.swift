import Foundation
import TLS

#if canImport(Glibc)
import Glibc
#endif

/// A one-connection server on a loopback address, scripted by the test: it
/// accepts one client on its own thread and runs `script` with the socket.
final class LoopbackServer: @unchecked Sendable {
    let port: Int
    private let listener: Int32
    private let finished = NSCondition()
    private var done = false

    init(address: String = "127.0.0.1", script: @escaping @Sendable (Int32) -> Void) throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.listener = listener
        var reuse: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var socketAddress = sockaddr_in()
        socketAddress.sin_family = sa_family_t(AF_INET)
        inet_pton(AF_INET, address, &socketAddress.sin_addr)
        let bound = withUnsafePointer(to: &socketAddress) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(listener, 4) == 0 else { throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &socketAddress) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        port = Int(UInt16(bigEndian: socketAddress.sin_port))
        Thread.detachNewThread { [self] in
            let client = accept(listener, nil, nil)
            if client >= 0 {
                script(client)
                close(client)
            }
            finished.lock()
            done = true
            finished.broadcast()
            finished.unlock()
        }
    }

    /// Waits (at most five seconds) for the script to end, then stops listening.
    func stop() {
        finished.lock()
        let deadline = Date().addingTimeInterval(5)
        while !done && finished.wait(until: deadline) {}
        finished.unlock()
        close(listener)
    }

    static func send(_ socket: Int32, _ text: String) {
        _ = Array(text.utf8).withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Reads until `count` bytes came or the peer closed.
    static func receive(_ socket: Int32, count: Int) -> String {
        var bytes = [UInt8](repeating: 0, count: count)
        var received = 0
        while received < count {
            let n = bytes.withUnsafeMutableBytes { recv(socket, $0.baseAddress! + received, count - received, 0) }
            if n <= 0 { break }
            received += n
        }
        return String(decoding: bytes[..<received], as: UTF8.self)
    }
}

/// The test certificates of the TLS tests (a `localhost`/127.0.0.1 certificate and its CA).
enum TestCertificates {
    static let folder: String = {
        var path = #filePath
        while let last = path.last, last != "/" { path.removeLast() }
        return path + "../TLSTests/Fixtures/"
    }()

    static func serverContext() throws -> TLSContext {
        try TLSContext(configuration: .server(identity: TLSIdentity(
            certificateChainFile: folder + "server-chain.pem", privateKeyFile: folder + "server-key.pem")))
    }

    static func trustingClient() throws -> TLSContext {
        try TLSContext(configuration: .client(trustRoots: .caFile(folder + "ca-cert.pem")))
    }
}
