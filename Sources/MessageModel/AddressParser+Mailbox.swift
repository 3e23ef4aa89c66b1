extension AddressParser.Reader {
    /// Reads one element of a list: a mailbox, a group, or words without an address.
    ///
    /// Leading words are collected until a `<`, `@` or `:` says what they
    /// were. Always moves past at least one token unless the current one is a
    /// `,`, `;` or the end, so the list loop cannot stall.
    mutating func readElement(inGroup: Bool) -> Element {
        let start = current.start
        var phrase = AddressParser.Phrase()
        var afterJunk = false
        while true {
            let token = current
            switch token.kind {
            case .atom, .quotedString:
                phrase.addWord(
                    tokenizer.bytes(of: token), quoted: token.kind == .quotedString,
                    followsSpace: token.followsSpace || afterJunk)
            case .domainLiteral:
                report("'[...]' in a display name", at: token.start)
                phrase.addWord(tokenizer.bytes(of: token), quoted: false, followsSpace: token.followsSpace || afterJunk)
            case .dot:
                phrase.addDot(followsSpace: token.followsSpace || afterJunk)
            case .openAngle:
                advance()
                return readAngleAddress(displayName: phrase.text, start: start)
            case .at:
                advance()
                return readAddressAfterLocalPart(phrase, start: start)
            case .colon where !inGroup:
                advance()
                return readGroup(name: phrase.text, start: start)
            case .colon:
                report("group inside a group; its name is dropped", at: token.start)
                phrase = AddressParser.Phrase()
            case .comma, .semicolon, .end:
                guard !phrase.isEmpty else { return .nothing }
                return .words(BareWords(text: phrase.text, start: start, comment: token.comment))
            case .closeAngle, .junk:
                // An unclosed quote was reported when it was read.
                if !afterJunk && token.repair == nil { report("unexpected character", at: token.start) }
                phrase.breakRun()
            }
            afterJunk = token.kind == .junk || token.kind == .closeAngle
            advance()
        }
    }

    /// Reads the rest of a mailbox whose `@` stood outside angle brackets.
    ///
    /// The local part is the last dot-joined run of words; words before it are
    /// a display name that lost its angle brackets (`John Doe john@x`). When a
    /// `<` follows, everything so far, as written, was an unquoted display name
    /// holding an `@` (`john@x.com <john@x.com>`), which is how mail clients show it.
    private mutating func readAddressAfterLocalPart(_ phrase: AddressParser.Phrase, start: Int) -> Element {
        var localPart = phrase.run
        if localPart.isEmpty { report("address without a local part", at: start) }
        if phrase.runHasEmptyWord { report("empty word in a local part", at: start) }
        let domain = readDomainAfterAt(localPart: &localPart)
        if current.kind == .openAngle {
            report("unquoted '@' in a display name", at: start)
            let written = tokenizer.textAsWritten(start..<current.start)
            advance()
            let angleAddress = readAngleAddress(displayName: written, start: start)
            if case .mailbox(let address, _) = angleAddress, !address.localPart.isEmpty { return angleAddress }
            // `john@x <` or `john@x <>`: the brackets hold no address, so the one before them stands.
        }
        if phrase.hasTextBeforeRun { report("display name without '<...>' around the address", at: start) }
        guard !localPart.isEmpty else { return .nothing }
        if domain == nil { report("no domain after '@'", at: start) }
        let displayName = phrase.hasTextBeforeRun ? decodedText(phrase.textBeforeRun) : nil
        let address = Address(
            displayName: displayName, localPart: String(decoding: localPart, as: UTF8.self), domain: domain,
            comment: commentBeforeCurrent())
        return .mailbox(address, hasPhrase: false)
    }

    /// Reads the domain after an `@` already passed. A further `@` makes what
    /// came before part of the local part (`a@b@c` is `"a@b"@c`), as mail clients
    /// read it; `localPart` grows accordingly.
    mutating func readDomainAfterAt(localPart: inout [UInt8]) -> String? {
        var domain = readDomain()
        while current.kind == .at {
            report("more than one '@'", at: current.start)
            advance()
            guard let before = domain, !localPart.isEmpty else { continue }
            localPart.append(UInt8(ascii: "@"))
            localPart.append(contentsOf: before)
            domain = readDomain()
        }
        return domain.map { String(decoding: $0, as: UTF8.self) }
    }
}
