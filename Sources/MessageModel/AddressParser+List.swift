extension AddressParser.Reader {
    /// Reads elements up to the end of the field or, inside a group, up to its `;`.
    ///
    /// Empty elements (`a@x,,b@y`) are skipped as RFC 5322 section 4.4 allows.
    /// A `;` outside a group is read as `,`, the way people type lists.
    /// Text that follows an element without a comma is read as a further
    /// element and kept when it holds an address (`a@x b@y`).
    mutating func readList(inGroup: Bool) -> [AddressList.Entry] {
        var entries: [AddressList.Entry] = []
        var waitingWords: [BareWords] = []
        var followsWithoutComma = false
        while !isFull {
            switch current.kind {
            case .end:
                if inGroup { report("group not closed by ';'", at: current.start) }
                keepAsMailboxes(&waitingWords, in: &entries)
                return entries
            case .comma:
                advance()
                followsWithoutComma = false
                continue
            case .semicolon:
                if inGroup {
                    advance()
                    keepAsMailboxes(&waitingWords, in: &entries)
                    return entries
                }
                report("';' outside a group, read as ','", at: current.start)
                advance()
                followsWithoutComma = false
                continue
            default:
                break
            }
            switch readElement(inGroup: inGroup) {
            case .nothing:
                break
            case .words(let words):
                if followsWithoutComma { break }  // reported as text after an address
                waitingWords.append(words)
                if current.kind != .comma {
                    keepAsMailboxes(&waitingWords, in: &entries)
                } else if waitingWords.count > Self.maximumWaitingWords {
                    var oldest = [waitingWords.removeFirst()]
                    keepAsMailboxes(&oldest, in: &entries)
                }
            case .mailbox(var address, let hasPhrase):
                if hasPhrase && !waitingWords.isEmpty {
                    joinDisplayName(of: &address, after: &waitingWords)
                } else {
                    keepAsMailboxes(&waitingWords, in: &entries)
                }
                if claimEntry() { entries.append(.mailbox(address)) }
            case .group(let name, let members):
                keepAsMailboxes(&waitingWords, in: &entries)
                entries.append(.group(name: name, members: members))
            }
            followsWithoutComma = skipToSeparator()
        }
        return entries
    }

    /// How many elements of bare words may wait to join a display name:
    /// enough for `Smith, Jr., John <j@x>`, few enough that a list of bare
    /// words costs no more memory than a list of addresses.
    static let maximumWaitingWords = 2

    /// Moves past stray `>` after an element; true when something other than `,` `;` or the end follows.
    private mutating func skipToSeparator() -> Bool {
        while current.kind == .closeAngle {
            report("'>' without '<'", at: current.start)
            advance()
        }
        switch current.kind {
        case .comma, .semicolon, .end:
            return false
        default:
            report("text after an address without a ','", at: current.start)
            return true
        }
    }

    /// `Smith, John <j@x>`: words alone before a name-addr are the first part of
    /// its display name, cut at an unquoted comma. Read as two entries, the
    /// field would invent a recipient `Smith` and lose the name.
    private mutating func joinDisplayName(of address: inout Address, after waitingWords: inout [BareWords]) {
        var parts: [String] = []
        for words in waitingWords {
            parts.append(decodedText(words.text[...]) ?? "")
        }
        parts.append(address.displayName ?? "")
        let joined = parts.joined(separator: ", ")
        if let first = waitingWords.first {
            report("unquoted ',' in display name \"\(joined)\"", at: first.start)
        }
        address.displayName = joined
        waitingWords.removeAll()
    }

    /// Keeps words that no display name claimed as mailboxes without a domain, as they were written
    /// (`undisclosed-recipients`). Several words (`Mary Smith`) are a name whose address is missing,
    /// not a mailbox: they are reported and dropped, so that no recipient is invented.
    private mutating func keepAsMailboxes(_ waitingWords: inout [BareWords], in entries: inout [AddressList.Entry]) {
        for words in waitingWords {
            guard !words.text.contains(UInt8(ascii: " ")) else {
                report("a name without an address", at: words.start)
                continue
            }
            report("no '@domain' in address", at: words.start)
            guard claimEntry() else { break }
            let comment = words.comment.flatMap { decodedText(tokenizer.commentText($0)[...]) }
            let address = Address(
                localPart: String(decoding: words.text, as: UTF8.self), domain: nil, comment: comment)
            entries.append(.mailbox(address))
        }
        waitingWords.removeAll()
    }

    /// Reads a group's members after its `:`; the group takes one entry of the limit itself.
    mutating func readGroup(name: [UInt8], start: Int) -> Element {
        guard claimEntry() else { return .nothing }
        if name.isEmpty { report("group without a name", at: start) }
        let displayName = decodedText(name[...]) ?? ""
        var members: [Address] = []
        for entry in readList(inGroup: true) {
            if case .mailbox(let address) = entry { members.append(address) }
        }
        return .group(name: displayName, members: members)
    }
}
