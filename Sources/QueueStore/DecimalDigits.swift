/// Integers in decimal, as `String(n)` writes them, for the text the store
/// writes by hand for every message (journal lines, sidecar JSON, file
/// names) without making a `String` of each number.
enum DecimalDigits {
    /// How many digits `value` has.
    static func count(_ value: UInt64) -> Int {
        var digits = 1
        var rest = value / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        return digits
    }

    /// Writes the digits of `value` at the start of `buffer`, which has room
    /// for ``count(_:)`` of them.
    static func write(_ value: UInt64, into buffer: UnsafeMutableBufferPointer<UInt8>) {
        withDigits(of: value) { _ = buffer.initialize(fromContentsOf: $0) }
    }

    /// Appends the digits of `value` to `bytes`.
    static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        withDigits(of: value) { bytes.append(contentsOf: $0) }
    }

    /// Calls `body` with the digits of `value` as ASCII bytes. They are found
    /// last first, dividing by the constant 10 (a multiplication once
    /// compiled), into a small scratch buffer, and handed over in one piece.
    @inline(__always)
    private static func withDigits(of value: UInt64, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        // UInt64.max has 20 digits.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { scratch in
            var start = scratch.count
            var rest = value
            repeat {
                start -= 1
                scratch[start] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
            } while rest > 0
            body(UnsafeBufferPointer(rebasing: scratch[start...]))
        }
    }
}
