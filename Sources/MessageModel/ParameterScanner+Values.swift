extension ParameterScanner {
    /// A quoted string's content, the opening quote at `index`. `\"` and `\\`
    /// are unescaped; any other backslash is kept, because Windows mailers
    /// send paths (`"C:\docs\a.pdf"`) without escaping them. An unterminated
    /// quote runs to the end of the value.
    mutating func readQuoted() -> [UInt8] {
        index += 1
        var value: [UInt8] = []
        while index < input.count {
            let byte = input[index]
            index += 1
            if byte == UInt8(ascii: "\"") { return value }
            if byte == UInt8(ascii: "\\"), index < input.count,
                input[index] == UInt8(ascii: "\"") || input[index] == UInt8(ascii: "\\")
            {
                value.append(input[index])
                index += 1
                continue
            }
            value.append(byte)
        }
        log.add(.invalidParameter, "quoted value without closing quote: \"\(String(decoding: value.prefix(40), as: UTF8.self))\"")
        return value
    }

    /// An unquoted value, up to `;` or the end. White space inside is kept
    /// (`name=my file.pdf`), except before a `name=` that starts the next
    /// parameter of a value whose `;` is missing. Comments are dropped.
    mutating func readUnquoted() -> [UInt8] {
        var value: [UInt8] = []
        while index < input.count, input[index] != UInt8(ascii: ";") {
            let byte = input[index]
            guard byte == UInt8(ascii: "(") || Self.isSpace(byte) else {
                value.append(byte)
                index += 1
                continue
            }
            let next = endOfSpaceAndComments(from: index)
            if next == input.count || input[next] == UInt8(ascii: ";") {
                index = next
                break
            }
            if startsAssignment(at: next) {
                log.add(.invalidParameter, "missing \";\" after value \"\(String(decoding: value.prefix(40), as: UTF8.self))\"")
                index = next
                break
            }
            while index < next {
                if input[index] == UInt8(ascii: "(") {
                    index = endOfComment(from: index)
                } else {
                    value.append(input[index])
                    index += 1
                }
            }
        }
        return value
    }

    /// Whether a name and `=` start at `position` (white space allowed before the `=`).
    func startsAssignment(at position: Int) -> Bool {
        var position = position
        let start = position
        while position < input.count, Self.isNameByte(input[position]), input[position] != UInt8(ascii: "?") {
            position += 1
        }
        guard position > start else { return false }
        while position < input.count, Self.isSpace(input[position]) { position += 1 }
        return position < input.count && input[position] == UInt8(ascii: "=")
    }

    mutating func skipSpaceAndComments() {
        index = endOfSpaceAndComments(from: index)
    }

    /// The index after the white space and comments that start at `position`.
    func endOfSpaceAndComments(from position: Int) -> Int {
        var position = position
        while position < input.count {
            if Self.isSpace(input[position]) {
                position += 1
            } else if input[position] == UInt8(ascii: "(") {
                position = endOfComment(from: position)
            } else {
                break
            }
        }
        return position
    }

    /// The index after the comment opened at `position`; comments nest and
    /// `\` escapes a character. An unclosed comment runs to the end.
    func endOfComment(from position: Int) -> Int {
        var depth = 0
        var position = position
        while position < input.count {
            switch input[position] {
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"): depth -= 1
            case UInt8(ascii: "\\"): position += 1
            default: break
            }
            position += 1
            if depth == 0 { return position }
        }
        return input.count
    }
}
