extension AddressParser.Reader {
    /// Reads a field written the plain way nearly all mail writes it, or
    /// gives nil and leaves the reader as it was, for ``readList(inGroup:)``.
    ///
    /// Plain means: mailboxes separated by commas, each `local@domain` or
    /// `display name <local@domain>`, where the local part and the domain
    /// are dot-separated atoms written without white space, and the display
    /// name is atoms and quoted strings (without quoted pairs). No comment,
    /// group, route, domain literal or anything the full reader would report
    /// as a problem; encoded words in the display name are decoded as there.
    /// For such fields the result is exactly the full reader's, without the
    /// work of keeping every reading open at once.
    /// The mailboxes come as a flat list: a plain field has no groups.
    mutating func readPlainList() -> [Address]? {
        let saved = self
        var entries: [Address] = []
        entries.reserveCapacity(4)
        while true {
            guard let address = readPlainMailbox(), claimEntry() else {
                self = saved
                return nil
            }
            entries.append(address)
            guard current.comment == nil, current.repair == nil else {
                self = saved
                return nil
            }
            switch current.kind {
            case .end:
                return entries
            case .comma:
                advance()
                if current.kind == .end, current.comment == nil { return entries }
            default:
                self = saved
                return nil
            }
        }
    }

    /// One plain mailbox (see ``readPlainList()``), leaving `current` at what follows it.
    private mutating func readPlainMailbox() -> Address? {
        // The display name as the full reader's phrase text builds it: words, one space where white space stood.
        var text: [UInt8] = []
        var words = 0
        var firstIsAtom = false
        while current.kind == .atom || current.kind == .quotedString {
            guard current.comment == nil, current.repair == nil else { return nil }
            let raw = tokenizer.bytes(of: current)
            if current.kind == .quotedString {
                guard !raw.isEmpty, !raw.contains(UInt8(ascii: "\\")) else { return nil }
            }
            if words == 0 {
                firstIsAtom = current.kind == .atom
                text.reserveCapacity(tokenizer.bytes.count)
            } else if current.followsSpace {
                text.append(UInt8(ascii: " "))
            }
            text.append(contentsOf: raw)
            words += 1
            advance()
        }
        guard current.comment == nil, current.repair == nil else { return nil }
        switch current.kind {
        case .openAngle:
            advance()
            guard let localPart = readPlainDotAtoms(), current.kind == .at, !current.followsSpace else { return nil }
            advance()
            guard let domain = readPlainDotAtoms(), current.kind == .closeAngle, current.comment == nil else { return nil }
            advance()
            let displayName = decodedText(text[...])
            return Address(displayName: displayName, localPart: localPart, domain: domain)
        case .dot, .at:
            // `john.doe@example.com`: the one atom read so far begins the local part.
            guard words == 1, firstIsAtom, !current.followsSpace else { return nil }
            var localPart = String(decoding: text, as: UTF8.self)
            if current.kind == .dot {
                advance()
                guard let rest = readPlainDotAtoms() else { return nil }
                localPart += "." + rest
            }
            guard current.kind == .at, !current.followsSpace else { return nil }
            advance()
            guard let domain = readPlainDotAtoms() else { return nil }
            return Address(localPart: localPart, domain: domain)
        default:
            return nil
        }
    }

    /// `atom("." atom)*` with nothing between the tokens, as written; nil (and
    /// the full reader takes over) for anything else.
    private mutating func readPlainDotAtoms() -> String? {
        guard current.kind == .atom, current.comment == nil, current.repair == nil else { return nil }
        let start = current.range.lowerBound
        var end = current.range.upperBound
        advance()
        while current.kind == .dot, !current.followsSpace {
            advance()
            guard current.kind == .atom, !current.followsSpace else { return nil }
            end = current.range.upperBound
            advance()
        }
        return String(decoding: UnsafeBufferPointer(rebasing: tokenizer.bytes[start..<end]), as: UTF8.self)
    }
}
