/// Converts text in a named charset to a Swift `String`.
///
/// Any charset the system's iconv knows can be decoded, under its MIME name
/// or the aliases mailers use; the common ones (UTF-8, US-ASCII, ISO-8859-1,
/// Windows-1252) are decoded without iconv because they dominate real mail.
/// Decoding never fails: unknown charsets and invalid byte sequences give
/// a best reading and say so in ``DecodedText/problem``. Safe to call from
/// any number of threads at once; time is linear in the input.
public enum CharsetDecoder {
    /// Decodes `bytes` from `charset` (a MIME charset name, any case, aliases allowed).
    ///
    /// - An empty name reads the bytes as UTF-8, or as Windows-1252 when they
    ///   are not valid UTF-8 (then with problem `.invalidBytes`).
    /// - `us-ascii` with 8-bit bytes is read the same way, always with `.invalidBytes`.
    /// - ISO-8859-1 is read as Windows-1252, as the WHATWG Encoding Standard does.
    /// - A byte sequence invalid in the charset becomes U+FFFD, problem `.invalidBytes`.
    /// - An unknown name reads the bytes as UTF-8, else Windows-1252, problem `.unknownCharset`.
    public static func decode(_ bytes: some Collection<UInt8>, charset: String) -> DecodedText {
        if let decoded = bytes.withContiguousStorageIfAvailable({ decode($0, charset: charset) }) {
            return decoded
        }
        return Array(bytes).withUnsafeBufferPointer { decode($0, charset: charset) }
    }

    /// Decodes raw memory from `charset`, with the same rules as the `Collection` overload.
    public static func decode(_ bytes: UnsafeRawBufferPointer, charset: String) -> DecodedText {
        bytes.withMemoryRebound(to: UInt8.self) { decode($0, charset: charset) }
    }

    /// Decodes a buffer of bytes from `charset`, with the same rules as the `Collection` overload.
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, charset: String) -> DecodedText {
        switch CharsetLabels.decoding(for: charset) {
        case .utf8:
            let (text, valid) = UTF8Text.decode(bytes)
            return DecodedText(text: text, problem: valid ? nil : .invalidBytes(charset: charset))
        case .ascii:
            if ByteScan.isASCII(bytes) { return DecodedText(text: String(decoding: bytes, as: UTF8.self), problem: nil) }
            return DecodedText(text: UTF8Text.guess(bytes).text, problem: .invalidBytes(charset: charset))
        case .unlabeled:
            let (text, isUTF8) = UTF8Text.guess(bytes)
            return DecodedText(text: text, problem: isUTF8 ? nil : .invalidBytes(charset: charset))
        case .windows1252:
            return DecodedText(text: Windows1252.decode(bytes), problem: nil)
        case .iso2022JP:
            return decodeISO2022JP(bytes, charset: charset)
        case .iconv(let target):
            if target.asciiReading.allows(bytes) {
                return DecodedText(text: String(decoding: bytes, as: UTF8.self), problem: nil)
            }
            return decodeWithIconv(bytes, from: target.name, unitSize: target.unitSize, charset: charset)
        case .unknown:
            return DecodedText(text: UTF8Text.guess(bytes).text, problem: .unknownCharset(charset))
        }
    }

    /// Whether `decode(_:charset:)` reads `charset` as a known charset rather
    /// than guessing; true for the empty name, which means US-ASCII in MIME.
    public static func isKnown(_ charset: String) -> Bool {
        switch CharsetLabels.decoding(for: charset) {
        case .unknown: return false
        case .iconv(let target): return IconvConverter(from: target.name) != nil
        default: return true
        }
    }

    private static func decodeWithIconv(
        _ bytes: UnsafeBufferPointer<UInt8>, from name: String, unitSize: Int, charset: String
    ) -> DecodedText {
        guard let converter = IconvConverter(from: name) else {
            // The table names a charset this system's iconv lacks (gconv modules not installed).
            return DecodedText(text: UTF8Text.guess(bytes).text, problem: .unknownCharset(charset))
        }
        let (utf8, replaced) = converter.convert(bytes, unitSize: unitSize)
        return DecodedText(
            text: String(decoding: utf8, as: UTF8.self), problem: replaced ? .invalidBytes(charset: charset) : nil)
    }

    private static func decodeISO2022JP(_ bytes: UnsafeBufferPointer<UInt8>, charset: String) -> DecodedText {
        if ByteScan.isASCII(bytes) && !ByteScan.containsShift(bytes) {
            return DecodedText(text: String(decoding: bytes, as: UTF8.self), problem: nil)
        }
        guard let euc = ISO2022JP.eucJP(from: bytes) else {
            return decodeWithIconv(bytes, from: "ISO-2022-JP-2", unitSize: 1, charset: charset)
        }
        return euc.withUnsafeBufferPointer { decodeWithIconv($0, from: "EUC-JP-MS", unitSize: 1, charset: charset) }
    }
}
