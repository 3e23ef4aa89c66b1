import Network
import TLS

/// The byte stream an ``IMAPClient`` speaks over: a `Connection` in use, a
/// scripted stream in the unit tests. Every wait is bounded by the
/// implementation (a `Connection` throws `.timedOut`).
protocol IMAPTransport: AnyObject {
    /// The server's host, for error messages.
    var host: String { get }
    /// The server's port, for error messages.
    var port: Int { get }
    /// Whether the stream is encrypted now.
    var isEncrypted: Bool { get }
    /// Appends the next line with its terminator to `buffer`; returns the bytes appended.
    func readLine(appendingTo buffer: inout [UInt8], limit: Int) throws(NetworkError) -> Int
    /// Appends exactly `count` bytes to `buffer`.
    func read(exactly count: Int, appendingTo buffer: inout [UInt8]) throws(NetworkError)
    /// Sends every byte.
    func send(_ bytes: [UInt8]) throws(NetworkError)
    /// Handshakes TLS over the same stream after a successful STARTTLS.
    func upgradeToTLS(_ context: TLSContext) throws(NetworkError)
    /// Closes the stream; safe to call twice.
    func close()
}

extension Connection: IMAPTransport {}
