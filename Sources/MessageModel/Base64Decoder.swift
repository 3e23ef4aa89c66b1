/// Decodes base64 bodies (RFC 2045 section 6.8) leniently, as mail clients do.
enum Base64Decoder {
    /// Decodes `encoded`, skipping line breaks and white space. Other characters
    /// outside the alphabet are skipped with one defect; missing padding is
    /// tolerated; data after the padding is ignored with a defect.
    static func decode(_ encoded: ArraySlice<UInt8>, location: String?, defects: inout [Defect]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(encoded.count / 4 * 3)
        var quantum: UInt32 = 0
        var count = 0
        var invalid = 0
        var sawPadding = false
        var dataAfterPadding = false
        for byte in encoded {
            let value = table[Int(byte)]
            if value < 64 {
                if sawPadding {
                    dataAfterPadding = true
                    continue
                }
                quantum = quantum << 6 | UInt32(value)
                count += 1
                if count == 4 {
                    output.append(UInt8(truncatingIfNeeded: quantum >> 16))
                    output.append(UInt8(truncatingIfNeeded: quantum >> 8))
                    output.append(UInt8(truncatingIfNeeded: quantum))
                    quantum = 0
                    count = 0
                }
            } else if value == padding {
                sawPadding = true
            } else if value == invalidMark {
                invalid += 1
            }
        }
        switch count {
        case 2:
            output.append(UInt8(truncatingIfNeeded: quantum >> 4))
        case 3:
            output.append(UInt8(truncatingIfNeeded: quantum >> 10))
            output.append(UInt8(truncatingIfNeeded: quantum >> 2))
        case 1:
            defects.append(Defect(.invalidBase64, "the base64 data ends with a lone character, which was dropped", at: location))
        default:
            break
        }
        if invalid > 0 {
            defects.append(Defect(.invalidBase64, "\(invalid) characters outside the base64 alphabet were skipped", at: location))
        }
        if dataAfterPadding {
            defects.append(Defect(.invalidBase64, "base64 data after the padding was ignored", at: location))
        }
        return output
    }

    /// The 6-bit value of a base64 alphabet character; nil for `=`, white space and anything else.
    static func sextet(_ byte: UInt8) -> UInt8? {
        let value = table[Int(byte)]
        return value < 64 ? value : nil
    }

    private static let padding: UInt8 = 64
    private static let skip: UInt8 = 65
    private static let invalidMark: UInt8 = 66

    /// Maps each byte to its 6-bit value, or to padding, white space or invalid.
    private static let table: [UInt8] = {
        var table = [UInt8](repeating: invalidMark, count: 256)
        for (index, byte) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(byte)] = UInt8(index)
        }
        table[Int(UInt8(ascii: "="))] = padding
        for byte: UInt8 in [0x20, 0x09, 0x0D, 0x0A] { table[Int(byte)] = skip }
        return table
    }()
}
