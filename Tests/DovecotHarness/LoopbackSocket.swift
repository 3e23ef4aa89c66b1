import TLS

#if canImport(Glibc)
import Glibc
#endif

/// TCP sockets on 127.0.0.1 for the harness: every one close-on-exec (so no
/// spawned server inherits it) and non-blocking (so every wait has a deadline).
enum LoopbackSocket {
    /// A socket listening on 127.0.0.1 at a port the kernel chose, and that port.
    static func listen(backlog: Int32 = 64) throws(HarnessError) -> (socket: Int32, port: Int) {
        let descriptor = try make()
        var reuse: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, Glibc.listen(descriptor, backlog) == 0 else {
            let reason = String(cString: strerror(errno))
            Glibc.close(descriptor)
            throw .socketFailed(operation: "bind and listen", port: 0, reason: reason)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return (descriptor, Int(UInt16(bigEndian: address.sin_port)))
    }

    /// `count` distinct ports that were free a moment ago: each is bound at
    /// once, so none repeats, then all are released for the server to take.
    static func freePorts(_ count: Int) throws(HarnessError) -> [Int] {
        var sockets: [Int32] = []
        defer { sockets.forEach { _ = Glibc.close($0) } }
        var ports: [Int] = []
        for _ in 0..<count {
            let (descriptor, port) = try listen(backlog: 1)
            sockets.append(descriptor)
            ports.append(port)
        }
        return ports
    }

    /// A connection to 127.0.0.1:`port`, made within `timeout`.
    static func connect(port: Int, timeout: Duration) throws(HarnessError) -> Int32 {
        let descriptor = try make()
        var address = loopback(port: port)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if result != 0 && errno != EINPROGRESS {
            let reason = String(cString: strerror(errno))
            Glibc.close(descriptor)
            throw .socketFailed(operation: "connect", port: port, reason: reason)
        }
        if result != 0 {
            guard SocketWait.wait(descriptor, for: .writable, until: .now + timeout) else {
                Glibc.close(descriptor)
                throw .timedOut(waitingFor: "connection", port: port, after: timeout)
            }
            var failure: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &failure, &length)
            guard failure == 0 else {
                Glibc.close(descriptor)
                throw .socketFailed(operation: "connect", port: port, reason: String(cString: strerror(failure)))
            }
        }
        return descriptor
    }

    /// The next pending connection on `listener`, or nil if none came within `timeout`.
    static func accept(_ listener: Int32, timeout: Duration) -> Int32? {
        guard SocketWait.wait(listener, for: .readable, until: .now + timeout) else { return nil }
        let descriptor = Glibc.accept(listener, nil, nil)
        guard descriptor >= 0 else { return nil }
        // Glibc's accept4 is not imported; the descriptor is only exposed here until
        // these calls, and spawned programs close every inherited descriptor anyway.
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        return descriptor
    }

    private static func make() throws(HarnessError) -> Int32 {
        let type = Int32(SOCK_STREAM.rawValue | SOCK_CLOEXEC.rawValue | SOCK_NONBLOCK.rawValue)
        let descriptor = socket(AF_INET, type, 0)
        guard descriptor >= 0 else {
            throw .socketFailed(operation: "socket", port: 0, reason: String(cString: strerror(errno)))
        }
        return descriptor
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
        return address
    }
}
