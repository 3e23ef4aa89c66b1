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
        var index = 0
        forEachDigit(of: value) { digit in
            buffer[index] = digit
            index += 1
        }
    }

    /// Appends the digits of `value` to `bytes`.
    static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        forEachDigit(of: value) { bytes.append($0) }
    }

    /// The digits of `value` as ASCII bytes, most significant first.
    @inline(__always)
    private static func forEachDigit(of value: UInt64, _ body: (UInt8) -> Void) {
        var divisor: UInt64 = 1
        while divisor <= value / 10 { divisor *= 10 }
        repeat {
            body(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: value / divisor % 10))
            divisor /= 10
        } while divisor > 0
    }
}
