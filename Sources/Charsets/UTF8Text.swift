import Glibc

/// UTF-8 without iconv, and the guess mailroute makes for 8-bit bytes in
/// text that is labelled US-ASCII or not labelled at all.
enum UTF8Text {
    /// The bytes as UTF-8, each ill-formed sequence replaced by U+FFFD
    /// (the standard library's maximal-subpart rule, as the WHATWG decoder does).
    ///
    /// - Returns: the text, and false when something was replaced.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> (text: String, valid: Bool) {
        let text = String(decoding: bytes, as: UTF8.self)
        return (text, isCopy(text, of: bytes))
    }

    /// UTF-8 when the bytes are valid UTF-8, else Windows-1252, the two
    /// charsets unlabelled 8-bit mail is almost always in.
    ///
    /// - Returns: the text, and false when it had to be read as Windows-1252.
    static func guess(_ bytes: UnsafeBufferPointer<UInt8>) -> (text: String, isUTF8: Bool) {
        let text = String(decoding: bytes, as: UTF8.self)
        if isCopy(text, of: bytes) { return (text, true) }
        return (Windows1252.decode(bytes), false)
    }

    /// Whether decoding replaced nothing. Comparing the result with its input
    /// is a memory comparison, several times faster than the standard
    /// library's separate validating initializer.
    private static func isCopy(_ text: String, of bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if ByteScan.isASCII(bytes) { return true }
        var text = text
        return text.withUTF8 { decoded in
            guard decoded.count == bytes.count, let left = decoded.baseAddress, let right = bytes.baseAddress else {
                return decoded.count == bytes.count
            }
            return memcmp(left, right, bytes.count) == 0
        }
    }
}
