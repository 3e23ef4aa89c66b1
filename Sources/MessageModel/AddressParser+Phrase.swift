extension AddressParser {
    /// Words read before the parser knows what they are.
    ///
    /// `John Doe <j@x>`, `john.doe@x` and the broken `John Doe john@x` all
    /// start with words; only the `<`, `@`, `:` or `,` after them tells a
    /// display name from a local part or a group name. So the words are kept
    /// in both forms at once: as display text, and as the last run of words
    /// joined by dots, the only part that can be a local part.
    struct Phrase {
        private enum RunState { case none, afterWord, afterDot }

        /// The words as a display name: one space where the value had white space or a comment.
        private(set) var text: [UInt8] = []
        /// Where in ``text`` the last dot-joined run begins.
        private var runStart = 0
        /// That run as a local part: words and dots only.
        private(set) var run: [UInt8] = []
        private var state = RunState.none
        private var dotWithoutWordBefore = false

        var isEmpty: Bool { text.isEmpty }

        /// True when the run has an empty word (`.a`, `a.`, `a..b`), which no local-part syntax allows.
        var runHasEmptyWord: Bool { dotWithoutWordBefore || state == .afterDot }

        /// The display text before the last run: `John Doe` in `John Doe john@x`.
        var textBeforeRun: ArraySlice<UInt8> { text[0..<runStart] }

        /// True when words stand before the last run (`John Doe` in `John Doe john@x`).
        var hasTextBeforeRun: Bool { runStart > 0 }

        /// Every word as one local part, for `<John Doe@x>` where no dots join them.
        var joinedLocalPart: [UInt8] {
            hasTextBeforeRun ? Array(text[0..<runStart]) + [UInt8(ascii: " ")] + run : run
        }

        /// Adds an atom, or a quoted string's inside (`quoted`) whose quoted pairs are resolved here.
        mutating func addWord(_ raw: UnsafeBufferPointer<UInt8>, quoted: Bool, followsSpace: Bool) {
            if state != .afterDot {
                runStart = text.count
                run.removeAll(keepingCapacity: true)
                dotWithoutWordBefore = false
            }
            if followsSpace && !text.isEmpty { text.append(UInt8(ascii: " ")) }
            if quoted {
                AddressParser.Tokenizer.appendResolvingQuotedPairs(raw, to: &text)
                AddressParser.Tokenizer.appendResolvingQuotedPairs(raw, to: &run)
            } else {
                text.append(contentsOf: raw)
                run.append(contentsOf: raw)
            }
            state = .afterWord
        }

        mutating func addDot(followsSpace: Bool) {
            if state == .none {
                runStart = text.count
                run.removeAll(keepingCapacity: true)
            }
            if state != .afterWord { dotWithoutWordBefore = true }
            run.append(UInt8(ascii: "."))
            if followsSpace && !text.isEmpty { text.append(UInt8(ascii: " ")) }
            text.append(UInt8(ascii: "."))
            state = .afterDot
        }

        /// Ends the current run: what follows junk cannot continue a local part begun before it.
        mutating func breakRun() {
            state = .none
        }
    }
}
