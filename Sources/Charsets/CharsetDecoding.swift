/// How mailroute reads one charset: which decoder, and which glibc iconv
/// name where iconv does the work.
enum CharsetDecoding: Sendable, Hashable {
    /// UTF-8, decoded by the standard library.
    case utf8
    /// US-ASCII. Real mail labelled US-ASCII often carries 8-bit bytes: they
    /// are read as UTF-8 when valid, else as Windows-1252, and reported.
    case ascii
    /// No label at all (or `unknown-8bit`): UTF-8 when valid, else Windows-1252.
    case unlabeled
    /// ISO-8859-1 and its aliases, read as Windows-1252 as the WHATWG Encoding
    /// Standard does, because senders put Windows-1252 punctuation in 0x80-0x9F.
    case windows1252
    /// ISO-2022-JP, widened to the extensions Japanese mailers send (see ``ISO2022JP``).
    case iso2022JP
    /// Any other charset, converted by iconv under `name`.
    case iconv(IconvCharset)
    /// A label neither the table nor iconv knows.
    case unknown
}

/// A charset converted through glibc's iconv.
struct IconvCharset: Sendable, Hashable {
    /// The name passed to `iconv_open`.
    var name: String
    /// Which inputs may skip iconv because they read the same as ASCII.
    var asciiReading: ASCIIReading
    /// The size of one code unit: a byte iconv cannot convert is skipped
    /// together with the rest of its unit, so UTF-16 and UTF-32 stay aligned.
    var unitSize: Int

    init(_ name: String, _ asciiReading: ASCIIReading = .whenSevenBit, unitSize: Int = 1) {
        self.name = name
        self.asciiReading = asciiReading
        self.unitSize = unitSize
    }

    /// When bytes in this charset can be taken as ASCII without conversion.
    enum ASCIIReading: Sendable, Hashable {
        /// Every byte below 0x80 is the ASCII character (ISO-8859, EUC, GBK, ...).
        case whenSevenBit
        /// Like `whenSevenBit`, but ESC, SO and SI switch character sets (ISO-2022).
        case whenSevenBitWithoutShifts
        /// Never: the charset gives 7-bit bytes other meanings (UTF-16, UTF-7).
        case never

        func allows(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            switch self {
            case .never:
                return false
            case .whenSevenBit:
                return ByteScan.isASCII(bytes)
            case .whenSevenBitWithoutShifts:
                return ByteScan.isASCII(bytes) && !ByteScan.containsShift(bytes)
            }
        }
    }
}
