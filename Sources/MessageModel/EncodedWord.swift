/// One RFC 2047 encoded word found in a text: `=?charset*lang?B|Q?encoded?=`.
struct EncodedWord {
    /// The charset as written, without an RFC 2231 language suffix.
    var charset: String
    /// The decoded bytes, still in `charset`.
    var bytes: [UInt8]
    /// The index just past the closing `?=`.
    var end: Int

    /// The longest charset name read; beyond it the `=?` is not taken as an encoded word.
    static let maximumCharsetLength = 75

    /// Reads the encoded word that starts with the `=?` at `start`, or returns
    /// nil when there is none, leaving the text to be kept as written.
    ///
    /// White space inside the encoded text is tolerated (broken mailers fold
    /// inside a word) as long as the word is closed before another `=?` begins,
    /// so the search for the closing `?=` never runs past the next word's start:
    /// scanning the whole text this way stays linear.
    static func scan(_ input: UnsafeBufferPointer<UInt8>, at start: Int, log: inout DefectLog) -> EncodedWord? {
        func report(_ detail: String) {
            log.add(.invalidEncodedWord, "\(detail): \(excerpt(input, from: start))")
        }
        var index = start + 2
        while index < input.count, input[index] != UInt8(ascii: "?") {
            if !isCharsetByte(input[index]) || index - start - 2 >= maximumCharsetLength { return nil }
            index += 1
        }
        guard index + 2 < input.count, input[index + 2] == UInt8(ascii: "?") else { return nil }
        let label = input[(start + 2)..<index]
        let charsetEnd = label.firstIndex(of: UInt8(ascii: "*")) ?? index
        let charset = String(decoding: UnsafeBufferPointer(rebasing: input[(start + 2)..<charsetEnd]), as: UTF8.self)
        let encoding = input[index + 1] | 0x20
        let textStart = index + 3
        guard let textEnd = closingDelimiter(input, from: textStart) else {
            report("encoded word without closing \"?=\" kept as written")
            return nil
        }
        guard !charset.isEmpty, encoding == UInt8(ascii: "b") || encoding == UInt8(ascii: "q") else {
            report("encoded word with an unknown encoding or no charset kept as written")
            return nil
        }
        let encoded = UnsafeBufferPointer(rebasing: input[textStart..<textEnd])
        if encoded.contains(where: { $0 == 0x20 || $0 == 0x09 }) {
            report("white space inside encoded word")
        }
        let (bytes, problem) = encoding == UInt8(ascii: "b") ? Self.base64(encoded) : Self.q(encoded)
        if let problem { report(problem) }
        return EncodedWord(charset: charset, bytes: bytes, end: textEnd + 2)
    }

    /// The index of the `?` of the `?=` that closes the encoded text starting
    /// at `index`, or nil when another encoded word starts (or the text ends) first.
    private static func closingDelimiter(_ input: UnsafeBufferPointer<UInt8>, from index: Int) -> Int? {
        var index = index
        while index + 1 < input.count {
            let byte = input[index], next = input[index + 1]
            if byte == UInt8(ascii: "?"), next == UInt8(ascii: "=") { return index }
            // `=?=` is base64 padding or a stray `=` before the closing `?=`, not a new word.
            if byte == UInt8(ascii: "="), next == UInt8(ascii: "?"),
                index + 2 >= input.count || input[index + 2] != UInt8(ascii: "=")
            {
                return nil
            }
            index += 1
        }
        return nil
    }

    /// Bytes a charset name may hold: printable ASCII except the delimiters
    /// of an encoded word and RFC 2047's especials that no charset name uses.
    private static func isCharsetByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "="), UInt8(ascii: "?"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"),
            UInt8(ascii: ">"), UInt8(ascii: "@"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\""),
            UInt8(ascii: "/"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "\\"):
            return false
        default:
            return byte > 0x20 && byte < 0x7F
        }
    }

    /// A short quote of the text from `start`, for a defect's detail.
    static func excerpt(_ input: UnsafeBufferPointer<UInt8>, from start: Int) -> String {
        let end = min(input.count, start + 40)
        let quoted = String(decoding: UnsafeBufferPointer(rebasing: input[start..<end]), as: UTF8.self)
        return end < input.count ? "\"\(quoted)...\"" : "\"\(quoted)\""
    }
}
