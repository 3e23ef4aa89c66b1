/// Whole-buffer checks that decide whether a fast path applies.
enum ByteScan {
    /// True when every byte is below 0x80.
    ///
    /// ORs all bytes without an early exit, which the compiler vectorizes;
    /// for the short texts of headers this is faster than branching per byte.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var seen: UInt8 = 0
        for byte in bytes { seen |= byte }
        return seen < 0x80
    }

    /// True when the bytes hold ESC, SO or SI, the ISO-2022 shift controls.
    static func containsShift(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.contains { $0 == 0x1B || $0 == 0x0E || $0 == 0x0F }
    }
}
