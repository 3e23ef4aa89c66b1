extension AddressParser.Tokenizer {
    /// Moves past a comment starting at `position` (on its `(`).
    ///
    /// Nesting is tracked with a counter rather than recursion, so a value of
    /// 100,000 `(` costs no stack. A comment left open runs to the end of the
    /// value, as mail clients read it.
    ///
    /// - Returns: the comment's inside, and whether a matching `)` closed it.
    mutating func scanComment() -> (inside: Range<Int>, closed: Bool) {
        let insideStart = position + 1
        var depth = 1
        var index = insideStart
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"):
                index += 1
            case UInt8(ascii: "("):
                depth += 1
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 {
                    position = index + 1
                    return (insideStart..<index, true)
                }
            default:
                break
            }
            index += 1
        }
        position = bytes.count
        return (insideStart..<bytes.count, false)
    }

    /// Moves past a quoted string starting at `position` (on its `"`) when a
    /// closing quote exists; leaves `position` alone and returns false when not.
    mutating func scanQuotedString() -> Bool {
        guard !quotesNeverClose else { return false }
        var index = position + 1
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"):
                index += 1
            case UInt8(ascii: "\""):
                position = index + 1
                return true
            default:
                break
            }
            index += 1
        }
        quotesNeverClose = true
        return false
    }

    /// Moves past a domain literal starting at `position` (on its `[`).
    ///
    /// Without a `]`, the literal stops before the first byte that ends an
    /// address in practice (`,;<>[`), so that the addresses after it survive.
    ///
    /// - Returns: whether a `]` closed the literal.
    mutating func scanDomainLiteral() -> Bool {
        var index = position + 1
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "]"):
                position = index + 1
                return true
            case UInt8(ascii: "\\"):
                index += 1
            case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "["):
                position = index
                return false
            default:
                break
            }
            index += 1
        }
        position = bytes.count
        return false
    }

    /// The end of an RFC 2047 encoded word `=?charset?B|Q?text?=` starting at
    /// `start`, or nil when there is none.
    ///
    /// Encoded words are kept whole because senders put commas, dots and
    /// quotes in their text (`=?utf-8?Q?Smith,_John?=`), and splitting the
    /// field there would invent an address. The charset and the text cannot
    /// hold `?`, so a failed look-ahead can only be retried from the two or
    /// three `?` it passed: the scan stays linear.
    func encodedWordEnd(from start: Int) -> Int? {
        var index = start + 2
        guard index <= bytes.count, bytes[start + 1] == UInt8(ascii: "?") else { return nil }
        let charsetStart = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "?"),
            AddressCharacters.isAtext(bytes[index]) || bytes[index] == UInt8(ascii: ".")
        {
            index += 1
        }
        guard index > charsetStart, index + 2 < bytes.count, bytes[index] == UInt8(ascii: "?"),
            "BbQq".utf8.contains(bytes[index + 1]), bytes[index + 2] == UInt8(ascii: "?")
        else { return nil }
        index += 3
        while index < bytes.count, bytes[index] != UInt8(ascii: "?"),
            bytes[index] > 0x20, bytes[index] != 0x7F
        {
            index += 1
        }
        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "?"),
            bytes[index + 1] == UInt8(ascii: "=")
        else { return nil }
        return index + 2
    }
}
