extension AddressParser {
    /// Splits an address field into ``Token``s, one at a time, in a single forward pass.
    ///
    /// Every scan moves forward, and the few that look ahead (quoted strings,
    /// domain literals, encoded words) are bounded so that no byte is looked at
    /// more than a few times: hostile values cost linear time.
    ///
    /// It reads the value's UTF-8 storage in place, so it lives only inside the
    /// `withContiguousStorageIfAvailable` call of ``AddressParser/parse(_:field:limits:defects:)``.
    struct Tokenizer {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0
        /// Set when one quoted string has no closing quote. Every later `"` was
        /// then already seen as the second byte of a quoted pair, so no later
        /// quoted string can close either, and none is scanned again.
        var quotesNeverClose = false

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        /// The next token; `.end` once the value is used up, and again on every later call.
        mutating func next() -> Token {
            var followsSpace = false
            var comment: Range<Int>?
            var repair: Token.Repair?
            scanning: while position < bytes.count {
                switch AddressParser.byteClass(bytes[position]) {
                case .whitespace:
                    position += 1
                case .commentStart:
                    let (inside, closed) = scanComment()
                    comment = inside
                    if !closed { repair = .unclosedComment }
                default:
                    break scanning
                }
                followsSpace = true
            }
            var token = Token(
                kind: .end, range: position..<position, followsSpace: followsSpace,
                comment: comment, repair: repair)
            guard position < bytes.count else { return token }
            let start = position
            (token.kind, token.repair) = scanToken()
            if token.repair == nil { token.repair = repair }
            token.range = token.kind == .quotedString ? start + 1..<position - 1 : start..<position
            return token
        }

        /// Reads the token at `position` and moves past it.
        private mutating func scanToken() -> (Token.Kind, Token.Repair?) {
            switch AddressParser.byteClass(bytes[position]) {
            case .quote:
                if scanQuotedString() { return (.quotedString, nil) }
                position += 1
                return (.junk, .unclosedQuote)
            case .domainLiteralStart:
                return (.domainLiteral, scanDomainLiteral() ? nil : .unclosedDomainLiteral)
            case .atom:
                scanAtom()
                return (.atom, nil)
            case .special(let kind):
                position += 1
                return (kind, nil)
            case .whitespace, .commentStart, .junk:
                position += 1
                return (.junk, nil)
            }
        }

        private mutating func scanAtom() {
            while position < bytes.count {
                let byte = bytes[position]
                if byte == UInt8(ascii: "="), let end = encodedWordEnd(from: position) {
                    position = end
                } else if AddressParser.isAtomByte(byte) {
                    position += 1
                } else {
                    return
                }
            }
        }

        /// The bytes of a token as written; for a quoted string, those between the quotes.
        func bytes(of token: Token) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: bytes[token.range])
        }

        /// The value's bytes in `range` exactly as written, trailing white space trimmed.
        func textAsWritten(_ range: Range<Int>) -> [UInt8] {
            var end = range.upperBound
            while end > range.lowerBound, HeaderText.isWhitespace(bytes[end - 1]) { end -= 1 }
            return Array(bytes[range.lowerBound..<end])
        }

        /// The inside of a comment with quoted pairs resolved and outer white space trimmed.
        func commentText(_ range: Range<Int>) -> [UInt8] {
            var text: [UInt8] = []
            Self.appendResolvingQuotedPairs(UnsafeBufferPointer(rebasing: bytes[range]), to: &text)
            while let last = text.last, HeaderText.isWhitespace(last) { text.removeLast() }
            let leading = text.firstIndex { !HeaderText.isWhitespace($0) } ?? text.endIndex
            text.removeFirst(leading)
            return text
        }

        /// Appends `raw` with each quoted pair (`\x`) replaced by the byte it protects.
        static func appendResolvingQuotedPairs(_ raw: UnsafeBufferPointer<UInt8>, to text: inout [UInt8]) {
            var escaped = false
            for byte in raw {
                if !escaped && byte == UInt8(ascii: "\\") {
                    escaped = true
                    continue
                }
                escaped = false
                text.append(byte)
            }
        }
    }
}
