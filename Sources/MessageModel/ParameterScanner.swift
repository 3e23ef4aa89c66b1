/// Reads the leading token and the `name=value` pairs of a MIME field value,
/// byte by byte, skipping comments and white space (RFC 2045 section 5.1).
///
/// Every byte is read a bounded number of times: the lookahead that decides
/// whether white space ends an unquoted value reads one word, which is then
/// read as part of the value or the next name.
struct ParameterScanner {
    let input: UnsafeBufferPointer<UInt8>
    var index = 0
    var log: DefectLog

    init(_ input: UnsafeBufferPointer<UInt8>, location: String?) {
        self.input = input
        self.log = DefectLog(location: location)
    }

    /// The token before the first `;`, comments removed and white space
    /// around `/` dropped. Stops early at a `name=` after white space, the
    /// first parameter of a value whose `;` is missing.
    mutating func leadingToken() -> String {
        skipSpaceAndComments()
        let start = index
        // The usual token (`text/plain`) runs to `;` or the end with nothing to skip or join: taken as written.
        var plainEnd = index
        while plainEnd < input.count, Self.isPlainByte(input[plainEnd]), input[plainEnd] != UInt8(ascii: "=") {
            plainEnd += 1
        }
        if plainEnd == input.count || input[plainEnd] == UInt8(ascii: ";") {
            index = plainEnd
            return String(decoding: UnsafeBufferPointer(rebasing: input[start..<plainEnd]), as: UTF8.self)
        }
        var token: [UInt8] = []
        while index < input.count, input[index] != UInt8(ascii: ";") {
            let byte = input[index]
            if byte == UInt8(ascii: "(") || Self.isSpace(byte) {
                let next = endOfSpaceAndComments(from: index)
                if next == input.count || input[next] == UInt8(ascii: ";") {
                    index = next
                    break
                }
                if startsAssignment(at: next) {
                    log.add(.invalidParameter, "missing \";\" after \"\(String(decoding: token, as: UTF8.self))\"")
                    index = next
                    break
                }
                if token.last != UInt8(ascii: "/"), input[next] != UInt8(ascii: "/") { token.append(0x20) }
                index = next
                continue
            }
            if byte == UInt8(ascii: "="), !token.isEmpty {
                // The value starts with a parameter: there is no leading token.
                log.add(.invalidParameter, "no leading token before the parameters")
                index = start
                return ""
            }
            token.append(byte)
            index += 1
        }
        return String(decoding: token, as: UTF8.self)
    }

    /// The next parameter, or nil at the end of the value. Text that is not
    /// a parameter is skipped with a defect.
    mutating func nextParameter() -> RawParameter? {
        while true {
            skipSpaceAndComments()
            guard index < input.count else { return nil }
            if input[index] == UInt8(ascii: ";") {
                index += 1
                continue
            }
            let nameStart = index
            while index < input.count, Self.isNameByte(input[index]) { index += 1 }
            let name = UnsafeBufferPointer(rebasing: input[nameStart..<index])
            skipSpaceAndComments()
            guard index < input.count, input[index] == UInt8(ascii: "=") else {
                skipJunk(after: name)
                continue
            }
            index += 1
            skipSpaceAndComments()
            let value = readValue()
            if name.isEmpty {
                log.add(.invalidParameter, "value without a name ignored: \"\(value.prefix(40))\"")
                continue
            }
            return RawParameter(writtenName: name, value: value)
        }
    }

    /// Skips what stands where a parameter name should be and has no `=`.
    private mutating func skipJunk(after name: UnsafeBufferPointer<UInt8>) {
        if !name.isEmpty {
            log.add(.invalidParameter, "parameter \"\(String(decoding: name.prefix(40), as: UTF8.self))\" without a value ignored")
        } else if index < input.count, input[index] == UInt8(ascii: "\"") {
            log.add(.invalidParameter, "quoted text without a parameter name ignored")
            _ = readQuoted()
        } else if index < input.count {
            log.add(.invalidParameter, "unexpected \"\(Character(Unicode.Scalar(input[index])))\" ignored")
            index += 1
        }
    }

    private mutating func readValue() -> String {
        guard index < input.count else { return "" }
        if let plain = plainValue() { return plain }
        let value = input[index] == UInt8(ascii: "\"") ? readQuoted() : readUnquoted()
        return String(decoding: value, as: UTF8.self)
    }

    /// The value at `index` when it needs nothing resolved: a quoted string
    /// without backslashes, or an unquoted run up to `;` or the end without
    /// white space or comments. Nil, with nothing read, for any other value.
    private mutating func plainValue() -> String? {
        var end = index
        if input[index] == UInt8(ascii: "\"") {
            end += 1
            while end < input.count, input[end] != UInt8(ascii: "\""), input[end] != UInt8(ascii: "\\") { end += 1 }
            guard end < input.count, input[end] == UInt8(ascii: "\"") else { return nil }
            defer { index = end + 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: input[(index + 1)..<end]), as: UTF8.self)
        }
        while end < input.count, Self.isPlainByte(input[end]) { end += 1 }
        guard end == input.count || input[end] == UInt8(ascii: ";") else { return nil }
        defer { index = end }
        return String(decoding: UnsafeBufferPointer(rebasing: input[index..<end]), as: UTF8.self)
    }

    /// A byte that ends nothing and starts nothing: not `;`, `(` or white space.
    private static func isPlainByte(_ byte: UInt8) -> Bool {
        byte != UInt8(ascii: ";") && byte != UInt8(ascii: "(") && !isSpace(byte)
    }

    /// Bytes that may appear in a parameter name: what mailers put there,
    /// which is more than RFC 2045's token but never a delimiter.
    static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: "\""), UInt8(ascii: "("), UInt8(ascii: ")"):
            return false
        default:
            return byte > 0x20 && byte != 0x7F
        }
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
    }
}
