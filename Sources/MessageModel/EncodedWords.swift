import Charsets

/// Decodes RFC 2047 encoded words (`=?charset?B|Q?text?=`) in unstructured text.
public enum EncodedWords {
    /// Decodes every encoded word in `text`, joining adjacent words as RFC 2047
    /// section 6.2 requires (white space between two encoded words is dropped).
    ///
    /// Reads what real mailers send, as mail clients do: encoded words glued
    /// to each other or to the text around them, white space inside the
    /// encoded text, base64 without padding. Adjacent words in one charset are
    /// joined as bytes before the charset is decoded, so a character a sender
    /// split over two words comes out whole.
    ///
    /// Never fails: an encoded word that is malformed is left as written, an
    /// unknown charset or invalid bytes decode with U+FFFD (or a best guess,
    /// see `CharsetDecoder`), and each such problem is appended to `defects`
    /// with `location`. Time is linear in the length of `text`.
    public static func decode(_ text: String, location: String?, defects: inout [Defect]) -> String {
        var contiguous = text
        let decoded: String? = contiguous.withUTF8 { input in
            guard containsWordStart(input) else { return nil }
            var joiner = EncodedWordJoiner(location: location, capacity: input.count)
            var literalStart = 0
            var index = 0
            while index + 1 < input.count {
                guard input[index] == UInt8(ascii: "="), input[index + 1] == UInt8(ascii: "?"),
                    let word = EncodedWord.scan(input, at: index, log: &joiner.log)
                else {
                    index += 1
                    continue
                }
                joiner.add(word, after: UnsafeBufferPointer(rebasing: input[literalStart..<index]))
                index = word.end
                literalStart = index
            }
            let decoded = joiner.finish(with: UnsafeBufferPointer(rebasing: input[literalStart...]))
            joiner.log.flush(into: &defects)
            return decoded
        }
        return decoded ?? text
    }

    private static func containsWordStart(_ input: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index + 1 < input.count {
            if input[index] == UInt8(ascii: "="), input[index + 1] == UInt8(ascii: "?") { return true }
            index += 1
        }
        return false
    }
}
