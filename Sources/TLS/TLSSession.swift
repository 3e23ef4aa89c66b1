import COpenSSL

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One TLS connection over a connected, non-blocking socket: the client side
/// of a POP3 or IMAP connection, or the server side of a test server, as the
/// context's role says.
///
/// A session belongs to one thread at a time. Every call waits at most the
/// timeout it is given, so a silent peer can never hold a thread for longer.
/// The session does not own the socket: closing it is the caller's job, after
/// ``shutdown()``.
public final class TLSSession {
    private let ssl: OpaquePointer
    private let socket: Int32
    // Kept so the SSL_CTX outlives the SSL object made from it.
    private let context: TLSContext

    /// Prepares a session on `socket`.
    ///
    /// - Parameter serverName: for clients, the DNS name or IP literal the
    ///   server's certificate must match (checked when the context verifies
    ///   peers); a DNS name is also sent as SNI. Ignored for servers.
    /// - Throws: ``TLSSessionError/setupFailed(reasons:)``.
    public init(context: TLSContext, socket: Int32, serverName: String?) throws(TLSSessionError) {
        TLSLibrary.prepare()
        OpenSSLErrorQueue.clear()
        guard let ssl = SSL_new(context.context) else {
            throw .setupFailed(reasons: OpenSSLErrorQueue.drain().messages)
        }
        self.ssl = ssl
        self.socket = socket
        self.context = context
        mailroute_ssl_set_nonblocking_modes(ssl)
        // Servers send many small records (Dovecot: a few KiB each). Without
        // read-ahead every record costs two read(2) calls, header then body;
        // with it one call brings as many records as the buffer holds.
        SSL_set_read_ahead(ssl, 1)
        SSL_set_default_read_buffer_len(ssl, Self.readAheadBuffer)
        guard SSL_set_fd(ssl, socket) == 1 else {
            throw .setupFailed(reasons: OpenSSLErrorQueue.drain().messages)
        }
        if context.configuration.role == .server {
            SSL_set_accept_state(ssl)
            return
        }
        SSL_set_connect_state(ssl)
        guard let serverName else { return }
        if Self.isIPAddress(serverName) {
            guard X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), serverName) == 1 else {
                throw .setupFailed(reasons: ["not a usable IP address: \(serverName)"])
            }
        } else {
            guard SSL_set1_host(ssl, serverName) == 1, mailroute_ssl_set_server_name(ssl, serverName) == 1 else {
                throw .setupFailed(reasons: OpenSSLErrorQueue.drain().messages + ["not a usable host name: \(serverName)"])
            }
        }
    }

    deinit {
        SSL_free(ssl)
    }

    /// The negotiated protocol, such as `TLSv1.3`, once the handshake is done.
    public var protocolVersion: String {
        String(cString: SSL_get_version(ssl))
    }

    /// Runs the handshake, and for clients that verify peers, the certificate
    /// check against the trust roots and the server name.
    ///
    /// - Throws: ``TLSSessionError/certificateRejected(reason:)`` with
    ///   OpenSSL's verification message when the certificate is not trusted
    ///   or names another host; `.handshakeFailed` or `.timedOut` otherwise.
    public func handshake(timeout: Duration) throws(TLSSessionError) {
        let deadline = ContinuousClock.now + timeout
        OpenSSLErrorQueue.clear()
        while true {
            let result = SSL_do_handshake(ssl)
            if result == 1 { return }
            let error = SSL_get_error(ssl, result)
            switch error {
            case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE:
                let readiness: SocketWait.Readiness = error == SSL_ERROR_WANT_READ ? .readable : .writable
                guard SocketWait.wait(socket, for: readiness, until: deadline) else { throw .timedOut(phase: .handshake) }
            default:
                let verification = SSL_get_verify_result(ssl)
                if verification != X509_V_OK {
                    OpenSSLErrorQueue.clear()
                    throw .certificateRejected(reason: String(cString: X509_verify_cert_error_string(verification)))
                }
                throw .handshakeFailed(reasons: failureReasons(error))
            }
        }
    }

    /// Reads what has arrived, up to the buffer's size.
    ///
    /// - Returns: the number of bytes read; 0 when the peer closed the
    ///   connection (cleanly or not).
    /// - Throws: `.timedOut` when nothing arrives within `timeout`; `.ioFailed`.
    public func read(into buffer: UnsafeMutableRawBufferPointer, timeout: Duration) throws(TLSSessionError) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        let deadline = ContinuousClock.now + timeout
        OpenSSLErrorQueue.clear()
        while true {
            var count = 0
            let result = SSL_read_ex(ssl, base, buffer.count, &count)
            if result == 1 { return count }
            let error = SSL_get_error(ssl, result)
            switch error {
            case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE:
                let readiness: SocketWait.Readiness = error == SSL_ERROR_WANT_READ ? .readable : .writable
                guard SocketWait.wait(socket, for: readiness, until: deadline) else { throw .timedOut(phase: .reading) }
            case SSL_ERROR_ZERO_RETURN:
                return 0
            case SSL_ERROR_SYSCALL where errno == 0 || errno == ECONNRESET || errno == EPIPE:
                OpenSSLErrorQueue.clear()
                return 0
            default:
                let reasons = failureReasons(error)
                // OpenSSL 3 reports a peer that vanished without close_notify as
                // an SSL error; to the caller that is just a closed connection.
                if reasons.contains(where: { $0.contains("unexpected eof") }) { return 0 }
                throw .ioFailed(reasons: reasons)
            }
        }
    }

    /// Sends every byte of `bytes`.
    ///
    /// - Throws: `.timedOut` when the peer accepts nothing for `timeout`; `.ioFailed`.
    public func write(_ bytes: UnsafeRawBufferPointer, timeout: Duration) throws(TLSSessionError) {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        var deadline = ContinuousClock.now + timeout
        OpenSSLErrorQueue.clear()
        while offset < bytes.count {
            var written = 0
            let result = SSL_write_ex(ssl, base + offset, bytes.count - offset, &written)
            if result == 1 {
                offset += written
                deadline = ContinuousClock.now + timeout
                continue
            }
            let error = SSL_get_error(ssl, result)
            switch error {
            case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE:
                let readiness: SocketWait.Readiness = error == SSL_ERROR_WANT_READ ? .readable : .writable
                guard SocketWait.wait(socket, for: readiness, until: deadline) else { throw .timedOut(phase: .writing) }
            default:
                throw .ioFailed(reasons: failureReasons(error))
            }
        }
    }

    /// Sends close_notify without waiting for the peer's; the socket may be
    /// closed right after.
    public func shutdown() {
        _ = SSL_shutdown(ssl)
        OpenSSLErrorQueue.clear()
    }

    private func failureReasons(_ error: Int32) -> [String] {
        var reasons = OpenSSLErrorQueue.drain().messages
        if error == SSL_ERROR_SYSCALL {
            let code = errno
            reasons.append(code == 0 ? "connection closed by peer" : String(cString: strerror(code)))
        }
        return reasons
    }

    /// The bytes OpenSSL may read from the socket ahead of the records asked for.
    private static let readAheadBuffer = 64 * 1024

    private static func isIPAddress(_ text: String) -> Bool {
        var storage = in6_addr()
        return inet_pton(AF_INET, text, &storage) == 1 || inet_pton(AF_INET6, text, &storage) == 1
    }
}
