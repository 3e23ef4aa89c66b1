import Glibc

/// A stream whose every read returns at most a given number of bytes, the
/// same number for every run of the same input.
///
/// The bytes go through a `SOCK_SEQPACKET` socket pair, one packet per piece:
/// a read of such a socket returns one packet and never joins two, so the read
/// boundaries do not depend on how the writer and the reader are scheduled,
/// as they would with a pipe. A thread writes the packets, because the socket
/// holds only so many before a write waits for the reader.
enum ChunkedStream {
    /// Calls `body` with a descriptor from which `bytes` can be read, `pieceSize` bytes per read at most.
    static func withDescriptor<Result>(
        reading bytes: [UInt8], pieceSize: Int, _ body: (Int32) -> Result
    ) -> Result {
        var ends: [Int32] = [-1, -1]
        let type = Int32(SOCK_SEQPACKET.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        guard socketpair(AF_UNIX, type, 0, &ends) == 0 else {
            fatalError("socketpair: \(String(cString: strerror(errno)))")
        }
        let writer = PacketWriter(bytes: bytes, pieceSize: max(pieceSize, 1), descriptor: ends[1])
        var thread = pthread_t()
        let context = Unmanaged.passRetained(writer).toOpaque()
        let started = pthread_create(&thread, nil, { context in
            let writer = Unmanaged<PacketWriter>.fromOpaque(context!).takeRetainedValue()
            writer.run()
            return nil
        }, context)
        guard started == 0 else { fatalError("pthread_create: \(String(cString: strerror(started)))") }

        let result = body(ends[0])
        // A reader may stop before the end (a single message over the size limit); shutting
        // the socket down makes a writer that waits for room fail with EPIPE instead of hanging.
        _ = shutdown(ends[0], Int32(SHUT_RDWR))
        _ = pthread_join(thread, nil)
        _ = close(ends[0])
        _ = close(ends[1])
        return result
    }
}

/// Writes the bytes as packets of `pieceSize` bytes, then shuts down its end so the reader sees the end of the stream.
private final class PacketWriter: Sendable {
    let bytes: [UInt8]
    let pieceSize: Int
    let descriptor: Int32

    init(bytes: [UInt8], pieceSize: Int, descriptor: Int32) {
        self.bytes = bytes
        self.pieceSize = pieceSize
        self.descriptor = descriptor
    }

    func run() {
        var offset = 0
        while offset < bytes.count {
            let count = min(pieceSize, bytes.count - offset)
            // MSG_NOSIGNAL: once the reader has gone, EPIPE must end this loop, not the process.
            let sent = bytes[offset..<offset + count].withUnsafeBytes {
                send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            if sent < 0 && errno == EINTR { continue }
            // A packet is sent whole or not at all.
            guard sent == count else { break }
            offset += count
        }
        _ = shutdown(descriptor, Int32(SHUT_WR))
    }
}
