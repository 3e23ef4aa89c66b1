import Glibc

/// Sorting many file names by their bytes, as `LC_ALL=C sort` does, fast
/// enough for mailboxes of hundreds of thousands of files.
///
/// Each name gets a key of its first sixteen bytes read as two big-endian
/// integers, so most comparisons are two integer comparisons on plain
/// values; names that share those bytes are compared in full.
enum ByteOrder {
    /// The indices `0..<count` in byte order of `name(index)` (unsigned bytes,
    /// a prefix first); equal names keep the order of their indices.
    static func sortedIndices(count: Int, name: (Int) -> UnsafeRawBufferPointer) -> [Int] {
        var keys = (0..<count).map { index in
            let bytes = name(index)
            return (high: word(bytes, from: 0), low: word(bytes, from: 8), index: index)
        }
        keys.sort { lhs, rhs in
            if lhs.high != rhs.high { return lhs.high < rhs.high }
            if lhs.low != rhs.low { return lhs.low < rhs.low }
            let order = compare(name(lhs.index), name(rhs.index))
            return order != 0 ? order < 0 : lhs.index < rhs.index
        }
        return keys.map(\.index)
    }

    /// Negative, zero or positive as `lhs` sorts before, with or after `rhs`
    /// (`memcmp` order, a shorter prefix first).
    static func compare(_ lhs: UnsafeRawBufferPointer, _ rhs: UnsafeRawBufferPointer) -> Int {
        let common = min(lhs.count, rhs.count)
        let order = common == 0 ? 0 : memcmp(lhs.baseAddress!, rhs.baseAddress!, common)
        return order != 0 ? Int(order) : lhs.count - rhs.count
    }

    /// Eight bytes from `start` as a big-endian integer, zero past the end
    /// (names hold no NUL, so a shorter name still sorts first).
    private static func word(_ bytes: UnsafeRawBufferPointer, from start: Int) -> UInt64 {
        var value: UInt64 = 0
        for offset in start..<(start + 8) {
            value = value << 8 | UInt64(offset < bytes.count ? bytes[offset] : 0)
        }
        return value
    }
}
