import Glibc

/// Line-level reading on top of ``BufferedInput``, for mbox parsing. Lines
/// may be any length: they are handed over in pieces, never gathered whole.
extension BufferedInput {
    /// Consumes a run of `byte` at the current position and returns its length.
    func consumeRun(of byte: UInt8) -> Int {
        var total = 0
        while require(1) {
            let (count, runEnds) = withUnconsumedBytes { bytes in
                let count = bytes.prefix { $0 == byte }.count
                return (count, count < bytes.count)
            }
            consume(count)
            total += count
            if runEnds { break }
        }
        return total
    }

    /// Whether the bytes waiting to be consumed start with `prefix`.
    func startsWith(_ prefix: [UInt8]) -> Bool {
        require(prefix.count) && withUnconsumedBytes { $0.starts(with: prefix) }
    }

    /// Whether the unconsumed input starts with an mbox envelope line (see ``EnvelopeLine/starts(_:)``).
    func startsWithEnvelopeLine() -> Bool {
        require(EnvelopeLine.probeLength) && withUnconsumedBytes { EnvelopeLine.starts($0) }
    }

    /// Consumes up to and including the next line feed, handing each piece of
    /// the line to `take`. Returns false if the input ended before a line feed.
    func consumeLine(_ take: (UnsafeBufferPointer<UInt8>) -> Void) -> Bool {
        while require(1) {
            let (count, foundLineFeed) = withUnconsumedBytes { bytes -> (Int, Bool) in
                guard let base = bytes.baseAddress else { return (0, false) }
                guard let lineFeed = memchr(base, 0x0A, bytes.count) else {
                    take(bytes)
                    return (bytes.count, false)
                }
                let count = UnsafeRawPointer(lineFeed) - UnsafeRawPointer(base) + 1
                take(UnsafeBufferPointer(rebasing: bytes[..<count]))
                return (count, true)
            }
            consume(count)
            if foundLineFeed { return true }
        }
        return false
    }

    /// Consumes, in one piece, the whole lines from here that start with
    /// neither `first` nor `second`, as far as the bytes already read go.
    /// Returns how many lines were consumed; 0 if the line here starts with
    /// one of them or is not complete in the buffer.
    ///
    /// Most lines of an mbox are such ordinary lines: taking them in bulk,
    /// instead of line by line, is what keeps reading close to the speed of `cat`.
    func consumeLines(
        notStartingWith first: UInt8, _ second: UInt8, _ take: (UnsafeBufferPointer<UInt8>) -> Void
    ) -> Int {
        guard require(1) else { return 0 }
        let (count, lines) = withUnconsumedBytes { bytes -> (Int, Int) in
            guard let base = bytes.baseAddress else { return (0, 0) }
            var position = 0
            var lines = 0
            while position < bytes.count, bytes[position] != first, bytes[position] != second,
                let lineFeed = memchr(base + position, 0x0A, bytes.count - position)
            {
                position = UnsafeRawPointer(lineFeed) - UnsafeRawPointer(base) + 1
                lines += 1
            }
            if position > 0 { take(UnsafeBufferPointer(rebasing: bytes[..<position])) }
            return (position, lines)
        }
        consume(count)
        return lines
    }

    /// Consumes everything left and returns it; nil, and nothing more read,
    /// as soon as it is more than `limit` bytes.
    func consumeAll(limit: Int) -> [UInt8]? {
        var bytes: [UInt8] = []
        while require(1) {
            let count = withUnconsumedBytes { waiting in
                bytes.append(contentsOf: waiting)
                return waiting.count
            }
            consume(count)
            if bytes.count > limit { return nil }
        }
        return bytes
    }
}
