import Charsets

/// Turns the pairs as written into decoded parameters: groups RFC 2231
/// sections and encoded forms by name, picks one value per name and decodes it.
enum ParameterAssembly {
    /// One value per name, in the order names first appear.
    ///
    /// For each name the RFC 2231 form wins: `name*=` over `name*0=`... over
    /// plain `name=`, as mail clients do, since senders add the plain form only
    /// as a fallback for old readers. A name given twice in the same form
    /// keeps its first value. Plain values have their RFC 2047 encoded words
    /// decoded, except `boundary`, which must stay byte for byte as written.
    static func assemble(_ raw: [RawParameter], log: inout DefectLog, defects: inout [Defect]) -> MIMEParameters {
        if isPlain(raw) {
            // Nothing to group or choose: each value only has its encoded words decoded.
            return MIMEParameters(raw.map { parameter in
                MIMEParameters.Parameter(
                    name: parameter.name,
                    value: decodingEncodedWords(parameter.value, name: parameter.name, log: &log, defects: &defects))
            })
        }
        var order: [String] = []
        var groups: [String: [RawParameter]] = [:]
        for parameter in raw {
            if groups[parameter.name] == nil { order.append(parameter.name) }
            groups[parameter.name, default: []].append(parameter)
        }
        var items: [MIMEParameters.Parameter] = []
        items.reserveCapacity(order.count)
        for name in order {
            guard let group = groups[name] else { continue }
            let value = value(of: name, from: group, log: &log, defects: &defects)
            items.append(MIMEParameters.Parameter(name: name, value: value))
        }
        return MIMEParameters(items)
    }

    /// Whether `raw` is what nearly every field holds: a few plain `name=value`
    /// pairs, no RFC 2231 form, no name twice.
    private static func isPlain(_ raw: [RawParameter]) -> Bool {
        guard raw.count <= 8 else { return false }
        for (index, parameter) in raw.enumerated() {
            guard parameter.section == nil, !parameter.isExtended else { return false }
            for earlier in raw[..<index] where earlier.name == parameter.name { return false }
        }
        return true
    }

    private static func value(
        of name: String, from group: [RawParameter], log: inout DefectLog, defects: inout [Defect]
    ) -> String {
        var whole: RawParameter?, plain: RawParameter?
        var wholeCount = 0, plainCount = 0
        var sections: [RawParameter] = []
        for parameter in group {
            if parameter.section != nil {
                sections.append(parameter)
            } else if parameter.isExtended {
                whole = whole ?? parameter
                wholeCount += 1
            } else {
                plain = plain ?? parameter
                plainCount += 1
            }
        }
        for (form, count) in [("", plainCount), ("*", wholeCount)] where count > 1 {
            log.add(.invalidParameter, "parameter \"\(name)\(form)\" given \(count) times, the first kept")
        }
        if let first = whole {
            let (charset, encoded) = splitCharset(first.value, name: name, log: &log)
            return decode(percentDecoded(encoded, name: name, log: &log), charset: charset, name: name, log: &log)
        }
        if !sections.isEmpty {
            return joinSections(sections, name: name, log: &log, defects: &defects)
        }
        return decodingEncodedWords(plain?.value ?? "", name: name, log: &log, defects: &defects)
    }

    static func decodingEncodedWords(
        _ value: String, name: String, log: inout DefectLog, defects: inout [Defect]
    ) -> String {
        guard name != "boundary", value.utf8.contains(UInt8(ascii: "?")) else { return value }
        return EncodedWords.decode(value, location: log.location, defects: &defects)
    }

    /// Splits `charset'language'text` (RFC 2231 section 4); a value without
    /// the two quotes has no charset and is all text.
    static func splitCharset(_ value: String, name: String, log: inout DefectLog) -> (charset: String, text: Substring) {
        let parts = value.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3 else {
            log.add(.invalidParameter, "parameter \"\(name)*\" has no charset'language' prefix")
            return ("", value[...])
        }
        return (String(parts[0]), parts[2])
    }

    /// The bytes of RFC 2231 percent-encoded text; a `%` without two hex
    /// digits after it is kept as written.
    static func percentDecoded(_ text: Substring, name: String, log: inout DefectLog) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var utf8 = text.utf8[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
                let high = HexDigit.value(utf8[utf8.startIndex]),
                let low = HexDigit.value(utf8[utf8.index(after: utf8.startIndex)])
            {
                bytes.append(high << 4 | low)
                utf8 = utf8.dropFirst(2)
                continue
            }
            if byte == UInt8(ascii: "%") {
                log.add(.invalidParameter, "\"%\" without two hex digits in parameter \"\(name)\"")
            }
            bytes.append(byte)
        }
        return bytes
    }

    static func decode(_ bytes: [UInt8], charset: String, name: String, log: inout DefectLog) -> String {
        let decoded = CharsetDecoder.decode(bytes, charset: charset)
        switch decoded.problem {
        case .unknownCharset(let label)?:
            log.add(.unknownCharset, "unknown charset \"\(label)\" in parameter \"\(name)\", read as UTF-8 or Windows-1252")
        case .invalidBytes(let label)?:
            log.add(.invalidCharsetBytes, "bytes not valid in charset \"\(label)\" in parameter \"\(name)\"")
        case nil:
            break
        }
        return decoded.text
    }
}
