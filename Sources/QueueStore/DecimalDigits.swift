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
        var rest = value
        for index in stride(from: count(value) - 1, through: 0, by: -1) {
            buffer[index] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        }
    }

    /// Appends the digits of `value` to `bytes`.
    static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: count(value)))
        bytes.withUnsafeMutableBufferPointer { write(value, into: UnsafeMutableBufferPointer(rebasing: $0[start...])) }
    }
}
