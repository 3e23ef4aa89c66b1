import TLS

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Connection {
    /// Reads at least one more byte into the buffer, making room first when
    /// little is left at its end: consumed bytes are dropped, and a buffer
    /// full of unread bytes (a very long line) doubles.
    func fill() throws(NetworkError) {
        if start == end {
            start = 0
            end = 0
        } else if buffer.count - end < Self.chunkSize / 4 {
            if start > 0 {
                let base = buffer.baseAddress!
                memmove(base, base + start, end - start)
                end -= start
                start = 0
            } else if end == buffer.count {
                let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count * 2, alignment: 16)
                larger.baseAddress!.copyMemory(from: buffer.baseAddress!, byteCount: end)
                buffer.deallocate()
                buffer = larger
            }
        }
        let count = try receive(into: UnsafeMutableRawBufferPointer(rebasing: buffer[end...]))
        guard count > 0 else { throw .closedByPeer(host: host, port: port) }
        end += count
    }

    private func receive(into free: UnsafeMutableRawBufferPointer) throws(NetworkError) -> Int {
        let timeout = timeouts.protocol
        if let session {
            do throws(TLSSessionError) {
                return try session.read(into: free, timeout: timeout)
            } catch {
                throw Self.networkError(error, host: host, port: port, timeout: timeout)
            }
        }
        let deadline = ContinuousClock.now + timeout
        while true {
            let count = Glibc.read(socket, free.baseAddress, free.count)
            if count >= 0 { return count }
            switch errno {
            case EINTR:
                continue
            case EAGAIN, EWOULDBLOCK:
                guard SocketWait.wait(socket, for: .readable, until: deadline) else {
                    throw .timedOut(host: host, port: port, waitingFor: "server reply", after: timeout)
                }
            case ECONNRESET:
                return 0
            default:
                throw .ioFailed(host: host, port: port, reason: String(cString: strerror(errno)))
            }
        }
    }

    /// Writes every byte of `bytes`, through TLS when the session is up.
    func write(_ bytes: UnsafeRawBufferPointer) throws(NetworkError) {
        let timeout = timeouts.protocol
        if let session {
            do {
                try session.write(bytes, timeout: timeout)
            } catch {
                throw Self.networkError(error, host: host, port: port, timeout: timeout)
            }
            return
        }
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        var deadline = ContinuousClock.now + timeout
        while offset < bytes.count {
            let count = Glibc.send(socket, base + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
            if count > 0 {
                offset += count
                deadline = ContinuousClock.now + timeout
                continue
            }
            switch errno {
            case EINTR:
                continue
            case EAGAIN, EWOULDBLOCK:
                guard SocketWait.wait(socket, for: .writable, until: deadline) else {
                    throw .timedOut(host: host, port: port, waitingFor: "sending", after: timeout)
                }
            case EPIPE, ECONNRESET:
                throw .closedByPeer(host: host, port: port)
            default:
                throw .ioFailed(host: host, port: port, reason: String(cString: strerror(errno)))
            }
        }
    }

    /// Runs the TLS handshake on the socket and keeps the session for all
    /// later reads and writes.
    func startSession(_ context: TLSContext, within limit: Duration, reportedTimeout: Duration) throws(NetworkError) {
        do {
            let session = try TLSSession(context: context, socket: socket, serverName: host)
            try session.handshake(timeout: limit)
            self.session = session
        } catch {
            throw Self.networkError(error, host: host, port: port, timeout: reportedTimeout)
        }
    }

    static func networkError(_ error: TLSSessionError, host: String, port: Int, timeout: Duration) -> NetworkError {
        switch error {
        case .certificateRejected(let reason):
            return .certificateRejected(host: host, port: port, reason: reason)
        case .timedOut(let phase):
            return .timedOut(host: host, port: port, waitingFor: phase.rawValue, after: timeout)
        case .setupFailed, .handshakeFailed:
            return .tlsHandshakeFailed(host: host, port: port, reason: error.description)
        case .ioFailed:
            return .ioFailed(host: host, port: port, reason: error.description)
        }
    }
}
