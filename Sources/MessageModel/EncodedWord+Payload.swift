extension EncodedWord {
    /// The bytes of a `Q` encoded text (RFC 2047 section 4.2): `_` is a space,
    /// `=XX` a byte in hex, any other byte itself. A `=` without two hex digits
    /// after it is kept as written.
    ///
    /// - Returns: the bytes, and a problem to report, if any.
    static func q(_ encoded: UnsafeBufferPointer<UInt8>) -> (bytes: [UInt8], problem: String?) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(encoded.count)
        var problem: String?
        var index = 0
        while index < encoded.count {
            let byte = encoded[index]
            index += 1
            if byte == UInt8(ascii: "_") {
                bytes.append(0x20)
            } else if byte != UInt8(ascii: "=") {
                bytes.append(byte)
            } else if index + 1 < encoded.count, let high = HexDigit.value(encoded[index]), let low = HexDigit.value(encoded[index + 1]) {
                bytes.append(high << 4 | low)
                index += 2
            } else {
                bytes.append(byte)
                problem = "\"=\" without two hex digits in Q encoded word"
            }
        }
        return (bytes, problem)
    }

    /// The bytes of a `B` encoded text (base64, RFC 2047 section 4.1), read
    /// leniently: white space and characters outside the alphabet are
    /// skipped, missing padding is supplied, and each `=` ends a quantum, so
    /// two base64 texts run together both decode.
    ///
    /// - Returns: the bytes, and a problem to report, if any.
    static func base64(_ encoded: UnsafeBufferPointer<UInt8>) -> (bytes: [UInt8], problem: String?) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(encoded.count / 4 * 3 + 3)
        var quantum = Base64Quantum()
        var skipped = false
        for byte in encoded {
            if byte == UInt8(ascii: "=") {
                quantum.finish(into: &bytes)
            } else if let value = Base64Decoder.sextet(byte) {
                quantum.add(value, into: &bytes)
            } else if byte != 0x20 && byte != 0x09 {
                skipped = true
            }
        }
        let unpadded = quantum.count > 0
        quantum.finish(into: &bytes)
        if skipped || quantum.truncated { return (bytes, "characters outside base64 skipped in B encoded word") }
        if unpadded { return (bytes, "base64 padding missing in B encoded word") }
        return (bytes, nil)
    }
}

/// Up to four base64 characters on their way to three bytes.
private struct Base64Quantum {
    private var bits: UInt32 = 0
    private(set) var count = 0
    /// Set when a quantum ended after one character, whose six bits make no byte.
    private(set) var truncated = false

    mutating func add(_ value: UInt8, into bytes: inout [UInt8]) {
        bits = bits << 6 | UInt32(value)
        count += 1
        if count == 4 {
            bytes.append(UInt8(truncatingIfNeeded: bits >> 16))
            bytes.append(UInt8(truncatingIfNeeded: bits >> 8))
            bytes.append(UInt8(truncatingIfNeeded: bits))
            bits = 0
            count = 0
        }
    }

    /// Ends the quantum at padding or at the end of the text, keeping the whole bytes it holds.
    mutating func finish(into bytes: inout [UInt8]) {
        switch count {
        case 1:
            truncated = true
        case 2:
            bytes.append(UInt8(truncatingIfNeeded: bits >> 4))
        case 3:
            bytes.append(UInt8(truncatingIfNeeded: bits >> 10))
            bytes.append(UInt8(truncatingIfNeeded: bits >> 2))
        default:
            break
        }
        bits = 0
        count = 0
    }
}
