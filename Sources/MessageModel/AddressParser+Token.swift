extension AddressParser {
    /// One lexical unit of an address field, with what separated it from the unit before.
    ///
    /// White space and comments are not tokens: the grammar allows them almost
    /// everywhere, so the tokenizer folds them into ``followsSpace`` and
    /// ``comment`` of the token that follows them.
    struct Token {
        enum Kind: Equatable {
            /// A run of `atext` and UTF-8 bytes; an RFC 2047 encoded word is kept whole even when it holds specials.
            case atom
            /// A quoted string; ``Token/range`` covers only the bytes between the quotes.
            case quotedString
            /// `[...]`, brackets included.
            case domainLiteral
            case dot, at, comma, semicolon, colon, openAngle, closeAngle
            /// A byte with no place in the grammar: a stray `)`, `]`, `\`, an unclosed `"`, a control byte.
            case junk
            case end
        }

        /// Something the tokenizer had to repair to go on; the reader reports it.
        enum Repair {
            /// A comment ran to the end of the value.
            case unclosedComment
            /// A `"` had no closing quote; it is returned as junk so that the rest is still read as addresses.
            case unclosedQuote
            /// A `[` had no `]`; the literal ends where an address list would go on.
            case unclosedDomainLiteral
        }

        var kind: Kind
        /// The token's bytes in the value.
        var range: Range<Int>
        /// True when white space or a comment stands between this token and the one before.
        var followsSpace: Bool
        /// The inside of the last comment before this token, when there is one.
        var comment: Range<Int>?
        var repair: Repair?

        /// Where the token begins in the value, opening quote included.
        var start: Int { kind == .quotedString ? range.lowerBound - 1 : range.lowerBound }
    }
}
