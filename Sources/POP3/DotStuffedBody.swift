#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the body of a multi-line reply (RFC 1939 section 3) from the bytes
/// as they arrive, a buffer at a time rather than a line at a time: undoes
/// the dot-stuffing, finds the terminating "." line, and copies everything
/// between dots at line starts in one piece. The same rules as
/// ``DotStuffing``: a line holding only "." (CRLF or LF) ends the body, and
/// any other line starting with "." loses that dot.
struct DotStuffedBody {
    /// How a scan of the bytes at hand ended.
    enum Progress: Equatable {
        /// Every byte given was consumed; the body goes on.
        case needsMore
        /// The bytes at hand end less than three bytes after a dot at a line
        /// start, too few to tell a terminator from a stuffed line: call
        /// again with at least three bytes from where the scan stopped.
        case needsThreeBytes
        /// The terminator line was consumed; the body is complete.
        case finished
    }

    /// Whether the next byte starts a line.
    private var atLineStart = true
    /// The body's size so far, unstuffed, whether kept or not.
    private(set) var octets = 0
    /// The most octets appended to the output; once the body is longer,
    /// nothing more of it is appended.
    let keepLimit: Int

    /// A body not yet read, of which at most `keepLimit` octets are kept.
    init(keepingAtMost keepLimit: Int) {
        self.keepLimit = keepLimit
    }

    /// Whether the body is longer than ``keepLimit``, so that what was
    /// appended of it is incomplete.
    var isTooLarge: Bool { octets > keepLimit }

    /// Scans `bytes` from the front, appending the body's content to
    /// `output` while it fits ``keepLimit``; returns how many bytes were
    /// consumed and whether the body ended.
    mutating func scan(_ bytes: UnsafeRawBufferPointer, appendingTo output: inout [UInt8]) -> (consumed: Int, progress: Progress) {
        guard let base = bytes.baseAddress else { return (0, .needsMore) }
        let count = bytes.count
        var index = 0
        var runStart = 0
        // Content runs from one dot at a line start to the next, so a body
        // without stuffed lines is copied in one piece per buffer.
        func flush(upTo runEnd: Int) {
            let length = runEnd - runStart
            if length > 0 && octets + length <= keepLimit {
                output.append(contentsOf: UnsafeBufferPointer(
                    start: (base + runStart).assumingMemoryBound(to: UInt8.self), count: length))
            }
            octets += length
        }
        while index < count {
            if atLineStart {
                if base.load(fromByteOffset: index, as: UInt8.self) == Self.dot {
                    let left = count - index
                    let next = left > 1 ? base.load(fromByteOffset: index + 1, as: UInt8.self) : 0
                    guard left > 2 || (left == 2 && next == Self.lf) else {
                        flush(upTo: index)
                        return (index, .needsThreeBytes)
                    }
                    if next == Self.lf || (next == Self.cr && base.load(fromByteOffset: index + 2, as: UInt8.self) == Self.lf) {
                        flush(upTo: index)
                        return (index + (next == Self.lf ? 2 : 3), .finished)
                    }
                    // A stuffed line: its content starts after the dot.
                    flush(upTo: index)
                    index += 1
                    runStart = index
                }
                atLineStart = false
            }
            guard let found = memchr(base + index, Int32(Self.lf), count - index) else { break }
            index = base.distance(to: UnsafeRawPointer(found)) + 1
            atLineStart = true
        }
        flush(upTo: count)
        return (count, .needsMore)
    }

    private static let dot = UInt8(ascii: ".")
    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")
}
