/// A 64-bit FNV-1a digest, to notice that files changed between two runs.
/// Not a cryptographic hash: it detects edits, not forgeries.
struct ContentDigest {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01b3
        }
    }

    /// A string, then a separator byte, so that ("ab", "c") and ("a", "bc") differ.
    mutating func add(_ text: String) {
        add(text.utf8)
        add([0])
    }

    mutating func add(_ number: Int) {
        add(String(number))
    }

    /// `fnv1a64:` and ``hex``.
    var text: String {
        "fnv1a64:" + hex
    }

    /// Sixteen hex digits.
    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
