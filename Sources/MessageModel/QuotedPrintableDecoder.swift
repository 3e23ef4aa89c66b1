/// Decodes quoted-printable bodies (RFC 2045 section 6.7) leniently.
enum QuotedPrintableDecoder {
    /// Decodes `encoded`: `=XX` becomes the byte, `=` at the end of a line is
    /// a soft line break, and trailing white space on a line is dropped. A `=`
    /// not followed by two hex digits is kept as written, with one defect.
    static func decode(_ encoded: ArraySlice<UInt8>, location: String?, defects: inout [Defect]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(encoded.count)
        var malformed = 0
        var index = encoded.startIndex
        let end = encoded.endIndex
        while index < end {
            let byte = encoded[index]
            if byte == UInt8(ascii: "=") {
                // Soft line break: "=" then optional white space then the line end.
                var after = index + 1
                while after < end, encoded[after] == 0x20 || encoded[after] == 0x09 { after += 1 }
                if after == end {
                    index = after
                    continue
                }
                if encoded[after] == 0x0A || encoded[after] == 0x0D {
                    if encoded[after] == 0x0D, after + 1 < end, encoded[after + 1] == 0x0A { after += 1 }
                    index = after + 1
                    continue
                }
                if index + 2 < end, let high = HexDigit.value(encoded[index + 1]), let low = HexDigit.value(encoded[index + 2]) {
                    output.append(high << 4 | low)
                    index += 3
                    continue
                }
                malformed += 1
                output.append(byte)
                index += 1
            } else if byte == 0x20 || byte == 0x09 {
                // White space at the end of a line was added in transport and is removed.
                var after = index
                while after < end, encoded[after] == 0x20 || encoded[after] == 0x09 { after += 1 }
                if after == end || encoded[after] == 0x0A || encoded[after] == 0x0D {
                    index = after
                } else {
                    output.append(contentsOf: encoded[index..<after])
                    index = after
                }
            } else {
                output.append(byte)
                index += 1
            }
        }
        if malformed > 0 {
            defects.append(Defect(.invalidQuotedPrintable,
                "\(malformed) \"=\" signs not followed by two hex digits were kept as written", at: location))
        }
        return output
    }
}
