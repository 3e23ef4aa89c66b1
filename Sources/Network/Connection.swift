import TLS

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One TCP connection to a mail server, plain or TLS, with buffered reading
/// of lines and exact byte counts.
///
/// A connection belongs to one thread at a time (it is not `Sendable`): the
/// fetchers run each mailbox on a dedicated thread. Every read and write
/// waits at most `timeouts.protocol` for progress, so a silent server costs
/// a bounded time and never blocks other mailboxes.
public final class Connection {
    /// The host name or address the connection was opened to.
    public let host: String
    /// The server port.
    public let port: Int
    /// The deadlines applied to every wait; may be changed between commands.
    public var timeouts: ConnectionTimeouts
    /// Whether bytes now travel inside TLS (implicit TLS, or after STARTTLS).
    public var isEncrypted: Bool { session != nil }

    // Internal rather than private: Connection+Transport.swift moves bytes
    // between these and the socket.
    var socket: Int32
    var session: TLSSession?
    /// Received bytes; `start..<end` are not yet consumed.
    var buffer: [UInt8]
    var start = 0
    var end = 0

    private static let chunkSize = 64 * 1024

    private init(host: String, port: Int, socket: Int32, timeouts: ConnectionTimeouts) {
        self.host = host
        self.port = port
        self.socket = socket
        self.timeouts = timeouts
        self.buffer = [UInt8](repeating: 0, count: Self.chunkSize)
    }

    deinit {
        close()
    }

    /// Resolves `host`, connects to the first of its addresses that answers
    /// and, for implicit TLS, completes the handshake and verifies the
    /// server's certificate against `host`, all within `timeouts.connect`.
    ///
    /// - Throws: a ``NetworkError`` naming the host and the reason.
    public static func open(host: String, port: Int, security: ConnectionSecurity,
                            timeouts: ConnectionTimeouts) throws(NetworkError) -> Connection {
        let deadline = ContinuousClock.now + timeouts.connect
        let socket = try SocketConnector.connect(host: host, port: port, until: deadline, timeout: timeouts.connect)
        let connection = Connection(host: host, port: port, socket: socket, timeouts: timeouts)
        if case .implicitTLS(let context) = security {
            try connection.startSession(context, within: max(.zero, deadline - ContinuousClock.now),
                                        reportedTimeout: timeouts.connect)
        }
        return connection
    }

    /// Switches to TLS once the server has accepted STARTTLS (IMAP) or STLS
    /// (POP3), verifying its certificate as ``open(host:port:security:timeouts:)`` does.
    ///
    /// - Throws: ``NetworkError/unexpectedDataBeforeTLS(host:port:)`` if the
    ///   server sent anything after its reply; handshake and certificate errors.
    public func upgradeToTLS(_ context: TLSContext) throws(NetworkError) {
        guard start == end else { throw .unexpectedDataBeforeTLS(host: host, port: port) }
        try startSession(context, within: timeouts.protocol, reportedTimeout: timeouts.protocol)
    }

    /// Closes the socket; sends TLS close_notify first, without waiting for
    /// the server's. Safe to call more than once.
    public func close() {
        guard socket >= 0 else { return }
        session?.shutdown()
        session = nil
        _ = Glibc.close(socket)
        socket = -1
    }

    // MARK: Reading

    /// Appends the next line, with its terminator (CRLF, or a bare LF), to
    /// `buffer`, and returns the number of bytes appended.
    ///
    /// - Throws: ``NetworkError/lineTooLong(host:port:limit:)`` when no line
    ///   feed comes within `limit` bytes (nothing is appended then);
    ///   `.closedByPeer` when the server closes mid-line; timeouts.
    public func readLine(appendingTo output: inout [UInt8], limit: Int) throws(NetworkError) -> Int {
        var scanned = 0
        while true {
            if let newline = indexOfLineFeed(from: start + scanned) {
                let length = newline + 1 - start
                guard length <= limit else { throw .lineTooLong(host: host, port: port, limit: limit) }
                output.append(contentsOf: buffer[start..<newline + 1])
                start = newline + 1
                return length
            }
            scanned = end - start
            guard scanned < limit else { throw .lineTooLong(host: host, port: port, limit: limit) }
            try fill()
        }
    }

    /// The next line without its terminator.
    public func readLine(limit: Int = 65_536) throws(NetworkError) -> [UInt8] {
        var line: [UInt8] = []
        _ = try readLine(appendingTo: &line, limit: limit)
        if line.last == UInt8(ascii: "\n") { line.removeLast() }
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        return line
    }

    /// Appends exactly `count` bytes to `output`, as they arrive (IMAP literals).
    public func read(exactly count: Int, appendingTo output: inout [UInt8]) throws(NetworkError) {
        var remaining = count
        while remaining > 0 {
            if start == end { try fill() }
            let available = min(remaining, end - start)
            output.append(contentsOf: buffer[start..<start + available])
            start += available
            remaining -= available
        }
    }

    // MARK: Writing

    /// Sends every byte; one call may carry several pipelined commands.
    public func send(_ bytes: [UInt8]) throws(NetworkError) {
        let result: Result<Void, NetworkError> = bytes.withUnsafeBytes { raw in
            do throws(NetworkError) {
                try write(raw)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
    }

    /// Sends the UTF-8 bytes of `text`.
    public func send(_ text: String) throws(NetworkError) {
        try send(Array(text.utf8))
    }
}
