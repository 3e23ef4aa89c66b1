extension AddressParser.Reader {
    /// Reads an angle address after its `<`: `[route:] local@domain >`.
    ///
    /// A missing `>` ends the address at the next `,`, `;` or the end; junk
    /// inside the brackets is skipped up to the `>`.
    mutating func readAngleAddress(displayName phrase: [UInt8], start: Int) -> Element {
        while current.kind == .openAngle {
            report("'<' inside '<...>'", at: current.start)
            advance()
        }
        let route = current.kind == .at ? readRoute() : []
        var words = AddressParser.Phrase()
        while current.kind == .atom || current.kind == .quotedString || current.kind == .dot {
            if current.kind == .dot {
                words.addDot(followsSpace: current.followsSpace)
            } else {
                words.addWord(
                    tokenizer.bytes(of: current), quoted: current.kind == .quotedString,
                    followsSpace: current.followsSpace)
            }
            advance()
        }
        var localPart = words.joinedLocalPart
        if words.hasTextBeforeRun { report("unquoted space in a local part", at: start) }
        if words.runHasEmptyWord { report("empty word in a local part", at: start) }
        var domain: String?
        if current.kind == .at {
            advance()
            domain = readDomainAfterAt(localPart: &localPart)
        }
        if !localPart.isEmpty && domain == nil { report("no '@domain' in address", at: start) }
        closeAngleAddress()
        let displayName = decodedText(phrase[...])
        if localPart.isEmpty {
            report("empty address '<>'", at: start)
            guard displayName != nil else { return .nothing }
        }
        let address = Address(
            displayName: displayName, localPart: String(decoding: localPart, as: UTF8.self), domain: domain,
            route: route, comment: commentBeforeCurrent())
        return .mailbox(address, hasPhrase: displayName != nil)
    }

    private mutating func closeAngleAddress() {
        switch current.kind {
        case .closeAngle:
            advance()
        case .comma, .semicolon, .end:
            report("'<' not closed by '>'", at: current.start)
        default:
            report("unexpected text in '<...>'", at: current.start)
            while current.kind != .closeAngle && current.kind != .comma && current.kind != .end {
                advance()
            }
            if current.kind == .closeAngle { advance() }
        }
    }

    /// Reads an obsolete source route `@relay1,@relay2:` (RFC 5322 section 4.4), kept for information.
    private mutating func readRoute() -> [String] {
        var route: [String] = []
        while current.kind == .at || current.kind == .comma {
            let isAt = current.kind == .at
            advance()
            guard isAt else { continue }
            if let domain = readDomain() {
                route.append(String(decoding: domain, as: UTF8.self))
            } else {
                report("empty domain in a source route", at: current.start)
            }
        }
        if current.kind == .colon {
            advance()
        } else {
            report("source route not ended by ':'", at: current.start)
        }
        return route
    }

    /// Reads a domain: dot-joined atoms with white space and comments allowed
    /// around the dots (obsolete, still seen), or a domain literal. A trailing
    /// dot is kept, as written; ``Address/normalized`` drops it.
    mutating func readDomain() -> [UInt8]? {
        let start = current.start
        var text: [UInt8] = []
        var expectingLabel = true
        var emptyLabel = false
        loop: while true {
            switch current.kind {
            case .atom where expectingLabel:
                text.append(contentsOf: tokenizer.bytes(of: current))
                expectingLabel = false
            case .dot:
                if expectingLabel { emptyLabel = true }
                text.append(UInt8(ascii: "."))
                expectingLabel = true
            case .domainLiteral where text.isEmpty:
                text.append(contentsOf: tokenizer.bytes(of: current))
                expectingLabel = false
                advance()
                break loop
            default:
                break loop
            }
            advance()
        }
        guard !text.isEmpty else { return nil }
        if emptyLabel {
            report("empty label in a domain", at: start)
        } else if expectingLabel {
            report("domain ends with '.'", at: start)
        }
        return text
    }
}
