import Glibc

/// A stream of bytes read from a descriptor in 256 KiB chunks into one buffer
/// that is reused for the whole stream, so memory stays the same however long
/// the input is.
///
/// Consumers look at the bytes not yet consumed (`withUnconsumedBytes`), then
/// `consume` what they used. A read error ends the stream and is kept in `failure`.
final class BufferedInput {
    static let chunkSize = 256 * 1024

    private let descriptor: FileDescriptor
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private var reachedEnd = false

    /// The offset in the stream of the first byte not yet consumed.
    private(set) var offset = 0
    /// The error that ended the stream early, if one did.
    private(set) var failure: SystemError?

    init(_ descriptor: FileDescriptor) {
        self.descriptor = descriptor
        buffer = [UInt8](repeating: 0, count: Self.chunkSize)
    }

    /// Reads until at least `count` bytes (at most a chunk) are waiting to be
    /// consumed, or the stream ends. Returns whether they are there.
    @discardableResult
    func require(_ count: Int) -> Bool {
        while end - start < count && !reachedEnd { fill() }
        return end - start >= count
    }

    /// Whether everything has been consumed and nothing more can be read.
    var isExhausted: Bool { !require(1) }

    /// Calls `body` with the bytes read but not yet consumed.
    func withUnconsumedBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        buffer.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    /// Marks the first `count` waiting bytes as used.
    func consume(_ count: Int) {
        start += count
        offset += count
    }

    private func fill() {
        if start == end {
            start = 0
            end = 0
        } else if end == buffer.count {
            // Move the waiting bytes to the front so the read has room behind them.
            let waiting = end - start
            buffer.withUnsafeMutableBytes { raw in
                guard let base = raw.baseAddress else { return }
                memmove(base, base + start, waiting)
            }
            start = 0
            end = waiting
        }
        let result = buffer.withUnsafeMutableBytes { raw in
            descriptor.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[end...]))
        }
        switch result {
        case .success(0): reachedEnd = true
        case .success(let count): end += count
        case .failure(let error):
            failure = error
            reachedEnd = true
        }
    }
}
