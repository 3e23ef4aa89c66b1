import TLS

#if canImport(Glibc)
import Glibc
#endif

extension ScriptedServer {
    /// The server's end of one accepted connection, handed to the script on
    /// the connection's own thread; use it from that thread only.
    ///
    /// Every call waits at most ``timeout`` for the client, then throws
    /// ``HarnessError/timedOut(waitingFor:port:after:)``, so a script never hangs.
    public final class Peer {
        /// How long each read or write waits for the client; 10 seconds unless changed.
        public var timeout: Duration = .seconds(10)
        /// Whether ``startTLS(_:)`` (or the server's implicit TLS) has run.
        public var isEncrypted: Bool { session != nil }
        /// The server's port, for messages.
        public let port: Int

        private var socket: Int32
        private var session: TLSSession?
        private var buffer: [UInt8] = []
        private let registry: ConnectionRegistry?
        private static let lineLimit = 1 << 20

        init(socket: Int32, port: Int, registry: ConnectionRegistry?) {
            self.socket = socket
            self.port = port
            self.registry = registry
        }

        deinit { close() }

        /// Sends `text` as UTF-8, exactly as given (write the CRLFs yourself).
        public func send(_ text: String) throws(HarnessError) {
            try send(Array(text.utf8))
        }

        /// Sends every byte.
        public func send(_ bytes: [UInt8]) throws(HarnessError) {
            guard socket >= 0 else { throw .socketFailed(operation: "send", port: port, reason: "already closed") }
            if let session {
                let timeout = timeout
                let result = bytes.withUnsafeBytes { raw in
                    Result { () throws(TLSSessionError) in try session.write(raw, timeout: timeout) }
                }
                if case .failure(let error) = result { throw map(error, waitingFor: "peer to read") }
                return
            }
            var offset = 0
            while offset < bytes.count {
                let sent = bytes.withUnsafeBytes { Glibc.send(socket, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
                if sent > 0 { offset += sent; continue }
                guard sent < 0, errno == EAGAIN || errno == EINTR else {
                    throw .socketFailed(operation: "send", port: port, reason: String(cString: strerror(errno)))
                }
                guard SocketWait.wait(socket, for: .writable, until: .now + timeout) else {
                    throw .timedOut(waitingFor: "peer to read", port: port, after: timeout)
                }
            }
        }

        /// The next line from the client without its CRLF (or bare LF); a last
        /// unterminated line is returned as is; nil once the client has closed.
        public func readLine() throws(HarnessError) -> String? {
            var scanned = 0
            while true {
                if let end = buffer[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
                    var line = Array(buffer[..<end])
                    buffer.removeSubrange(...end)
                    if line.last == UInt8(ascii: "\r") { line.removeLast() }
                    return String(decoding: line, as: UTF8.self)
                }
                scanned = buffer.count
                guard buffer.count <= Self.lineLimit else { throw .lineTooLong(port: port, limit: Self.lineLimit) }
                if try fill() == 0 {
                    guard !buffer.isEmpty else { return nil }
                    defer { buffer.removeAll() }
                    return String(decoding: buffer, as: UTF8.self)
                }
            }
        }

        /// Starts TLS on this connection as the server (after replying to
        /// STARTTLS/STLS). Refuses if the client already sent bytes past its
        /// command: they would have been sent before the handshake.
        public func startTLS(_ context: TLSContext) throws(HarnessError) {
            guard socket >= 0 else { throw .socketFailed(operation: "start TLS", port: port, reason: "already closed") }
            guard buffer.isEmpty else { throw .tlsFailed(port: port, reason: "the client sent data before the handshake") }
            do {
                let session = try TLSSession(context: context, socket: socket, serverName: nil)
                try session.handshake(timeout: timeout)
                self.session = session
            } catch {
                throw map(error, waitingFor: "TLS handshake")
            }
        }

        /// Reads and drops whatever the client sends, without answering, until
        /// it closes the connection, the server stops, or `limit` passes: the
        /// way to play a server that stopped responding.
        public func ignoreUntilClosed(limit: Duration = .seconds(60)) {
            let deadline = ContinuousClock.now + limit
            while ContinuousClock.now < deadline {
                buffer.removeAll()
                guard (try? fill()) != 0 else { return }
            }
        }

        /// Closes the connection (TLS close_notify first, without waiting). Safe to call twice.
        public func close() {
            guard socket >= 0 else { return }
            session?.shutdown()
            session = nil
            if let registry { registry.close(socket) } else { _ = Glibc.close(socket) }
            socket = -1
        }

        /// Appends what arrives within ``timeout`` to the buffer; 0 when the client closed.
        private func fill() throws(HarnessError) -> Int {
            guard socket >= 0 else { return 0 }
            var chunk = [UInt8](repeating: 0, count: 16 * 1024)
            let count: Int
            if let session {
                let timeout = timeout
                let result = chunk.withUnsafeMutableBytes { raw in
                    Result { () throws(TLSSessionError) in try session.read(into: raw, timeout: timeout) }
                }
                switch result {
                case .success(let read): count = read
                case .failure(let error): throw map(error, waitingFor: "line")
                }
            } else {
                count = try receivePlain(into: &chunk)
            }
            buffer.append(contentsOf: chunk[..<count])
            return count
        }

        private func receivePlain(into chunk: inout [UInt8]) throws(HarnessError) -> Int {
            while true {
                guard SocketWait.wait(socket, for: .readable, until: .now + timeout) else {
                    throw .timedOut(waitingFor: "line", port: port, after: timeout)
                }
                let received = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
                if received >= 0 { return received }
                if errno == ECONNRESET { return 0 }
                guard errno == EAGAIN || errno == EINTR else {
                    throw .socketFailed(operation: "receive", port: port, reason: String(cString: strerror(errno)))
                }
            }
        }

        private func map(_ error: TLSSessionError, waitingFor: String) -> HarnessError {
            if case .timedOut = error { return .timedOut(waitingFor: waitingFor, port: port, after: timeout) }
            return .tlsFailed(port: port, reason: error.description)
        }
    }
}
