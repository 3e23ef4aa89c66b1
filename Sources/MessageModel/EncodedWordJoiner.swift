import Charsets

/// Builds decoded text from literal runs and encoded words, in order.
///
/// Holds back the bytes of consecutive encoded words in one charset and
/// decodes them together, so a multi-byte character split across two words
/// (as UTF-8, Shift_JIS and ISO-2022-JP senders do) decodes whole, and drops
/// the white space between adjacent encoded words (RFC 2047 section 6.2).
struct EncodedWordJoiner {
    var log: DefectLog
    private var output: [UInt8] = []
    private var runCharset: String?
    private var runBytes: [UInt8] = []
    /// Room the output takes when it first gets text: a text decodes to no more bytes than it has.
    private let capacity: Int

    init(location: String?, capacity: Int) {
        log = DefectLog(location: location)
        self.capacity = capacity
    }

    /// Adds `word`, which followed `literal` in the text.
    mutating func add(_ word: EncodedWord, after literal: UnsafeBufferPointer<UInt8>) {
        let onlySpaceSinceLastWord = runCharset != nil && literal.allSatisfy(isLinearWhiteSpace)
        if !onlySpaceSinceLastWord {
            flushRun()
            append(literal)
        }
        if let runCharset, !sameCharset(runCharset, word.charset) {
            flushRun()
        }
        runCharset = word.charset
        // The first word of a run lends its bytes, so a lone word copies nothing.
        if runBytes.isEmpty { runBytes = word.bytes } else { runBytes.append(contentsOf: word.bytes) }
    }

    private mutating func append(_ bytes: some Collection<UInt8>) {
        guard !bytes.isEmpty else { return }
        if output.isEmpty { output.reserveCapacity(capacity) }
        output.append(contentsOf: bytes)
    }

    /// The whole text, given what followed the last encoded word.
    mutating func finish(with literal: UnsafeBufferPointer<UInt8>) -> String {
        // A text that is one run of encoded words, the usual Subject, is the run's text as it is.
        if output.isEmpty && literal.isEmpty, let text = decodeRun() { return text }
        flushRun()
        append(literal)
        return String(decoding: output, as: UTF8.self)
    }

    private mutating func flushRun() {
        if let text = decodeRun() { append(text.utf8) }
    }

    /// The text of the held-back run, which is then empty; nil when there is none.
    private mutating func decodeRun() -> String? {
        guard let charset = runCharset else { return nil }
        // The buffer overload: the generic one is not specialized across modules.
        let decoded = runBytes.withUnsafeBufferPointer { CharsetDecoder.decode($0, charset: charset) }
        switch decoded.problem {
        case .unknownCharset(let name)?:
            log.add(.unknownCharset, "unknown charset \"\(name)\" in encoded word, read as UTF-8 or Windows-1252")
        case .invalidBytes(let name)?:
            log.add(.invalidCharsetBytes, "bytes not valid in charset \"\(name)\" in encoded word")
        case nil:
            break
        }
        runCharset = nil
        runBytes.removeAll()
        return decoded.text
    }

    private func isLinearWhiteSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }

    /// Charset names compared without regard to ASCII case.
    private func sameCharset(_ left: String, _ right: String) -> Bool {
        left.utf8.count == right.utf8.count
            && zip(left.utf8, right.utf8).allSatisfy { pair in
                let folded = pair.0 | 0x20
                return pair.0 == pair.1 || (folded == pair.1 | 0x20 && folded >= 0x61 && folded <= 0x7A)
            }
    }
}
