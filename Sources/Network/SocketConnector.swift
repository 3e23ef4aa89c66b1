import TLS

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Opens a non-blocking TCP socket to a host: every address the name
/// resolves to is tried in order, all within one deadline.
enum SocketConnector {
    /// A connected, non-blocking socket with TCP_NODELAY set (commands are
    /// small and latency-bound). The caller owns and closes it.
    static func connect(host: String, port: Int, until deadline: ContinuousClock.Instant,
                        timeout: Duration) throws(NetworkError) -> Int32 {
        IgnoredBrokenPipe.ensure()
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        hints.ai_flags = AI_ADDRCONFIG
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw .hostNotFound(host: host, reason: String(cString: gai_strerror(status)))
        }
        defer { freeaddrinfo(first) }
        var lastReason = "no address to try"
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let address = entry {
            entry = address.pointee.ai_next
            switch attempt(address.pointee, until: deadline) {
            case .success(let socket):
                return socket
            case .failure(.timedOut):
                throw .timedOut(host: host, port: port, waitingFor: "connection", after: timeout)
            case .failure(.refused(let reason)):
                lastReason = reason
            }
        }
        throw .connectionRefused(host: host, port: port, reason: lastReason)
    }

    private enum AttemptFailure: Error {
        case timedOut
        case refused(String)
    }

    private static func attempt(_ address: addrinfo, until deadline: ContinuousClock.Instant) -> Result<Int32, AttemptFailure> {
        #if canImport(Glibc)
        let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        #else
        let type = SOCK_STREAM
        #endif
        let socket = Glibc.socket(address.ai_family, type, 0)
        guard socket >= 0 else { return .failure(.refused(String(cString: strerror(errno)))) }
        var noDelay: Int32 = 1
        _ = setsockopt(socket, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
        if Glibc.connect(socket, address.ai_addr, address.ai_addrlen) == 0 { return .success(socket) }
        guard errno == EINPROGRESS else {
            let reason = String(cString: strerror(errno))
            close(socket)
            return .failure(.refused(reason))
        }
        guard SocketWait.wait(socket, for: .writable, until: deadline) else {
            close(socket)
            return .failure(.timedOut)
        }
        var error: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(socket, SOL_SOCKET, SO_ERROR, &error, &length)
        guard error == 0 else {
            close(socket)
            return .failure(.refused(String(cString: strerror(error))))
        }
        return .success(socket)
    }
}
