/// Reads ISO-2022-JP (RFC 1468) the way Japanese mail needs.
///
/// Japanese mailers label as ISO-2022-JP text that uses Microsoft's
/// extensions (CP50220/CP50221): NEC special characters such as ① and ㈱,
/// IBM kanji, half-width katakana (`ESC ( I` or SO/SI) and JIS X 0212. glibc's
/// ISO-2022-JP decoders refuse some of them, so mailroute rewrites the
/// escape-switched stream as EUC-JP, a mechanical change of byte values,
/// and decodes that with glibc's EUC-JP-MS, which knows all of them. The
/// characters are then the ones CP932 and EUC-JP give, so one Japanese text
/// reads the same whichever of the three charsets it came in.
enum ISO2022JP {
    /// The EUC-JP form of `bytes`, or nil when they switch to a character set
    /// outside ISO-2022-JP and its extensions (ISO-2022-JP-2's Chinese or
    /// Korean sets): the caller then decodes them with glibc's ISO-2022-JP-2.
    ///
    /// Bytes that cannot be part of the text (8-bit bytes, a cut-off pair)
    /// become 0xFF, which EUC-JP-MS rejects, so they end up as U+FFFD.
    static func eucJP(from bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 2)
        var mode = Mode.ascii
        var lead: UInt8?
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == 0x1B {
                if lead != nil { output.append(0xFF) }
                lead = nil
                guard let (switched, length) = escape(bytes, at: index) else { return nil }
                mode = switched ?? mode
                index += length
                continue
            }
            if byte == 0x0E || byte == 0x0F {
                if lead != nil { output.append(0xFF) }
                lead = nil
                mode = byte == 0x0E ? .katakana : .ascii
                continue
            }
            if byte >= 0x80 {
                if lead != nil { output.append(0xFF) }
                lead = nil
                output.append(0xFF)
                continue
            }
            if byte == 0x0A || byte == 0x0D {
                // RFC 1468 lines end in ASCII; a sender that forgot to switch
                // back is best read as having done so.
                if lead != nil { output.append(0xFF) }
                lead = nil
                mode = .ascii
                output.append(byte)
                continue
            }
            switch mode {
            case .ascii:
                output.append(byte)
            case .katakana:
                if (0x21...0x5F).contains(byte) {
                    output.append(0x8E)
                    output.append(byte | 0x80)
                } else {
                    output.append(byte)
                }
            case .jisX0208, .jisX0212:
                guard (0x21...0x7E).contains(byte) else {
                    if lead != nil { output.append(0xFF) }
                    lead = nil
                    output.append(byte)
                    continue
                }
                guard let first = lead else {
                    lead = byte
                    continue
                }
                if mode == .jisX0212 { output.append(0x8F) }
                output.append(first | 0x80)
                output.append(byte | 0x80)
                lead = nil
            }
        }
        if lead != nil { output.append(0xFF) }
        return output
    }

    /// The character set an ISO-2022-JP stream has switched to.
    enum Mode {
        case ascii
        case katakana
        case jisX0208
        case jisX0212
    }

    /// The mode an escape sequence selects (nil: it selects none) and how many
    /// bytes after ESC it takes, or nil for a sequence outside ISO-2022-JP and
    /// its extensions.
    private static func escape(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Mode?, Int)? {
        func byte(_ offset: Int) -> UInt8? {
            index + offset < bytes.count ? bytes[index + offset] : nil
        }
        switch (byte(0), byte(1), byte(2)) {
        case (0x28, 0x42, _), (0x28, 0x4A, _), (0x28, 0x48, _):
            // ESC ( B ASCII; ESC ( J JIS-Roman, which mailers use for ASCII.
            return (.ascii, 2)
        case (0x28, 0x49, _):
            return (.katakana, 2)
        case (0x24, 0x40, _), (0x24, 0x42, _):
            return (.jisX0208, 2)
        case (0x24, 0x28, 0x44):
            return (.jisX0212, 3)
        case (0x26, 0x40, _):
            // ESC & @ announces JIS X 0208-1990; the ESC $ B that follows selects it.
            return (nil, 2)
        default:
            return nil
        }
    }
}
