extension AddressParser {
    /// One reading of one address field: the token being looked at, the entries
    /// still allowed, and the defects found so far.
    ///
    /// The grammar lives in extensions: lists and groups in
    /// `AddressParser+List.swift`, mailboxes in `AddressParser+Mailbox.swift`,
    /// angle addresses and domains in `AddressParser+AngleAddress.swift`.
    struct Reader {
        /// What one element of a list turned out to be.
        enum Element {
            /// Nothing worth keeping: an empty element, or junk already reported.
            case nothing
            /// Words with no address: `Smith` in `Smith, John <j@x>`, or `undisclosed` alone.
            case words(BareWords)
            /// A mailbox; `hasPhrase` when its display name was written before `<...>`.
            case mailbox(Address, hasPhrase: Bool)
            case group(name: String, members: [Address])
        }

        /// Words that made up a whole element, waiting to learn whether they begin the next display name.
        struct BareWords {
            var text: [UInt8]
            var start: Int
            var comment: Range<Int>?
        }

        /// Defects kept per field for its problems (invalid syntax, and encoded
        /// words the decoder rejects). Junk can hold millions of problems; the
        /// first ones say enough about the field.
        static let maximumProblemsReported = 50

        var tokenizer: Tokenizer
        /// The token being looked at; nothing before it is read again.
        private(set) var current: Token
        let field: String
        private let maximumEntries: Int
        private var entriesLeft: Int
        /// Set when an entry was refused for the limit: reading stops there.
        private(set) var isFull = false
        private(set) var defects: [Defect] = []
        private var problemsFound = 0

        init(_ bytes: UnsafeBufferPointer<UInt8>, field: String, limits: ParseLimits) {
            tokenizer = Tokenizer(bytes)
            current = Token(kind: .end, range: 0..<0, followsSpace: false)
            self.field = field
            maximumEntries = max(0, limits.maximumAddresses)
            entriesLeft = maximumEntries
            advance()
        }

        /// Moves to the next token, reporting what the tokenizer had to repair on the way.
        mutating func advance() {
            current = tokenizer.next()
            switch current.repair {
            case .unclosedComment:
                report("comment not closed by ')'", at: (current.comment?.lowerBound ?? 1) - 1)
            case .unclosedQuote:
                report("quoted string not closed; the '\"' is ignored", at: current.start)
            case .unclosedDomainLiteral:
                report("domain literal not closed by ']'", at: current.start)
            case nil:
                break
            }
        }

        /// Records a problem with a short excerpt of the value from `position`.
        mutating func report(_ problem: String, at position: Int) {
            guard countProblem() else { return }
            defects.append(Defect(.invalidAddress, "\(problem) at \(excerpt(at: position))", at: field))
        }

        /// Counts one problem; true while its defect is still to be listed. When
        /// the limit is reached, one last defect says that more were found.
        private mutating func countProblem() -> Bool {
            problemsFound += 1
            if problemsFound == Self.maximumProblemsReported {
                defects.append(Defect(.invalidAddress, "more problems; the rest are not listed", at: field))
            }
            return problemsFound < Self.maximumProblemsReported
        }

        /// Takes one entry (mailbox or group) from the limit; false, with a defect the first time, when none is left.
        mutating func claimEntry() -> Bool {
            guard entriesLeft > 0 else {
                if !isFull {
                    isFull = true
                    defects.append(
                        Defect(
                            .tooManyAddresses,
                            "more than \(maximumEntries) mailboxes and groups; the rest of the field is ignored",
                            at: field))
                }
                return false
            }
            entriesLeft -= 1
            return true
        }

        /// Display text with its RFC 2047 encoded words decoded; nil when empty.
        mutating func decodedText(_ bytes: ArraySlice<UInt8>) -> String? {
            guard !bytes.isEmpty else { return nil }
            let text = String(decoding: bytes, as: UTF8.self)
            guard Self.mayHoldEncodedWord(bytes) else { return text }
            var found: [Defect] = []
            let decoded = EncodedWords.decode(text, location: field, defects: &found)
            for defect in found where countProblem() {
                defects.append(defect)
            }
            return decoded
        }

        /// The comment written just before the current token, decoded:
        /// `john@x (John Doe)` is how old mailers wrote a name.
        mutating func commentBeforeCurrent() -> String? {
            guard let comment = current.comment else { return nil }
            return decodedText(tokenizer.commentText(comment)[...])
        }

        private static func mayHoldEncodedWord(_ bytes: ArraySlice<UInt8>) -> Bool {
            var previous: UInt8 = 0
            for byte in bytes {
                if previous == UInt8(ascii: "="), byte == UInt8(ascii: "?") { return true }
                previous = byte
            }
            return false
        }

        /// Up to 40 bytes of the value from `position`, cut at a character boundary, quoted.
        private func excerpt(at position: Int) -> String {
            let bytes = tokenizer.bytes
            let start = min(max(0, position), bytes.count)
            guard start < bytes.count else { return "the end" }
            var end = min(start + 40, bytes.count)
            while end < bytes.count, end > start, bytes[end] & 0xC0 == 0x80 { end -= 1 }
            let cut = end < bytes.count ? "..." : ""
            return "\"\(String(decoding: bytes[start..<end], as: UTF8.self))\(cut)\""
        }
    }
}
