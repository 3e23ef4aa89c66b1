/// Why decoded text is not exactly what the sender wrote.
public enum CharsetProblem: Sendable, Hashable, CustomStringConvertible {
    /// The charset is not one this system can convert; the bytes were read
    /// as UTF-8, or as Windows-1252 where they are not valid UTF-8.
    case unknownCharset(String)
    /// Some bytes were not valid in the charset: each bad sequence became
    /// U+FFFD, or, for 8-bit bytes in text labelled US-ASCII (or not labelled),
    /// the whole text was read as UTF-8 or else Windows-1252.
    case invalidBytes(charset: String)

    public var description: String {
        switch self {
        case .unknownCharset(let name): return "unknown charset \"\(name)\""
        case .invalidBytes(let name): return "bytes not valid in charset \"\(name)\""
        }
    }
}
