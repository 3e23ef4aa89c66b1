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
    /// Received bytes; `start..<end` are not yet consumed. Raw memory owned
    /// by the connection rather than an array: the readers below run once
    /// per line, and an array property would cost a retain, a release and
    /// an exclusivity check at each access.
    var buffer: UnsafeMutableRawBufferPointer
    var start = 0
    var end = 0

    /// The buffer's initial size, and the most ``consumeBuffered(atLeast:_:)`` may ask to see at once.
    public static let chunkSize = 64 * 1024

    private init(host: String, port: Int, socket: Int32, timeouts: ConnectionTimeouts) {
        self.host = host
        self.port = port
        self.socket = socket
        self.timeouts = timeouts
        self.buffer = .allocate(byteCount: Self.chunkSize, alignment: 16)
    }

    deinit {
        close()
        buffer.deallocate()
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
            let (base, first, last) = (buffer.baseAddress!, start, end)
            if let found = memchr(base + first + scanned, Int32(UInt8(ascii: "\n")), last - first - scanned) {
                let length = base.distance(to: found) + 1 - first
                guard length <= limit else { throw .lineTooLong(host: host, port: port, limit: limit) }
                Self.append(base + first, length, to: &output)
                start = first + length
                return length
            }
            scanned = last - first
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
            Self.append(buffer.baseAddress! + start, available, to: &output)
            start += available
            remaining -= available
        }
    }

    /// Lends the bytes received and not yet consumed to `body`, which returns
    /// how many of them it consumed (from the front, at most all of them).
    /// While fewer than `minimum` bytes are buffered, waits for more first.
    /// For readers that scan many lines at once, such as a POP3 message body.
    ///
    /// - Parameter minimum: 1 to ``chunkSize``; other values are clamped to that range.
    /// - Throws: `.closedByPeer` when the server closes before `minimum` bytes
    ///   arrived; timeouts; I/O failures. `body` is not called then.
    public func consumeBuffered(atLeast minimum: Int = 1, _ body: (UnsafeRawBufferPointer) -> Int) throws(NetworkError) {
        let wanted = min(max(minimum, 1), Self.chunkSize)
        while end - start < wanted { try fill() }
        let (first, last) = (start, end)
        let consumed = body(UnsafeRawBufferPointer(start: buffer.baseAddress! + first, count: last - first))
        start = first + min(max(consumed, 0), last - first)
    }

    private static func append(_ bytes: UnsafeRawPointer, _ count: Int, to output: inout [UInt8]) {
        output.append(contentsOf: UnsafeBufferPointer(start: bytes.assumingMemoryBound(to: UInt8.self), count: count))
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
