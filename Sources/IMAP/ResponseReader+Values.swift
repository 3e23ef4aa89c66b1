import Network

/// The values of IMAP's grammar (RFC 3501 9): strings in their three
/// forms, flag lists, FETCH item names, and skipping what is not needed.
extension ResponseReader {
    /// How many literals one response may carry before it is refused.
    static let maximumLiteralsPerResponse = 10_000

    /// If a literal is announced at the scanning position (`{n}` or `{n+}`,
    /// which must end the line), steps past the announcement and returns n.
    func literalSize(in context: String) throws(IMAPError) -> Int? {
        guard skip(ASCII.openBrace) else { return nil }
        let size = try number(upTo: UInt64(Int.max), in: context)
        _ = skip(ASCII.plus)
        try expect(ASCII.closeBrace, in: context)
        guard atEnd else { throw violation("a literal's size must end the line, in \(context)") }
        return Int(size)
    }

    /// Appends the `count` bytes of the literal just announced to `buffer`,
    /// then reads the line that continues the response.
    func readLiteral(_ count: Int, appendingTo buffer: inout [UInt8]) throws(IMAPError) {
        do throws(NetworkError) {
            try transport.read(exactly: count, appendingTo: &buffer)
        } catch {
            throw .network(error)
        }
        transcript?(TranscriptLine(.received, TranscriptLine.content(count)))
        try nextLine()
    }

    /// Reads and drops the `count` bytes of the literal just announced, in
    /// pieces so that memory stays bounded, then the continuation line.
    func discardLiteral(_ count: Int) throws(IMAPError) {
        var scratch: [UInt8] = []
        var remaining = count
        while remaining > 0 {
            let piece = min(remaining, 1 << 16)
            scratch.removeAll(keepingCapacity: true)
            do throws(NetworkError) {
                try transport.read(exactly: piece, appendingTo: &scratch)
            } catch {
                throw .network(error)
            }
            remaining -= piece
        }
        transcript?(TranscriptLine(.received, TranscriptLine.content(count)))
        try nextLine()
    }

    /// Appends the content of the quoted string at the scanning position to `buffer`.
    func quoted(appendingTo buffer: inout [UInt8], in context: String) throws(IMAPError) {
        try expect(ASCII.quote, in: context)
        while index < end {
            let byte = line[index]
            index += 1
            if byte == ASCII.quote { return }
            if byte == ASCII.backslash {
                guard index < end else { break }
                buffer.append(line[index])
                index += 1
            } else {
                buffer.append(byte)
            }
        }
        throw violation("unterminated quoted string in \(context)")
    }

    /// An astring (atom, quoted string or literal of at most `limit` bytes).
    func astring(limit: Int, in context: String) throws(IMAPError) -> [UInt8] {
        var bytes: [UInt8] = []
        if peek() == ASCII.quote {
            try quoted(appendingTo: &bytes, in: context)
        } else if let size = try literalSize(in: context) {
            guard size <= limit else { throw violation("a literal of \(size) bytes, more than \(limit), in \(context)") }
            try readLiteral(size, appendingTo: &bytes)
        } else {
            let start = index
            while index < end && (!ASCII.endsWord(line[index]) || line[index] == ASCII.closeBracket) { index += 1 }
            guard index > start else { throw violation("expected a string in \(context)") }
            bytes = Array(line[start..<index])
        }
        return bytes
    }

    /// An nstring: nil for NIL, else as ``astring(limit:in:)``.
    func nstring(limit: Int, in context: String) throws(IMAPError) -> [UInt8]? {
        if let byte = peek(), ASCII.upper(byte) == UInt8(ascii: "N") {
            let range = word()
            guard matches(range, "NIL") else { throw violation("expected NIL or a string in \(context)") }
            return nil
        }
        return try astring(limit: limit, in: context)
    }

    /// A parenthesised list of flags (`(\Seen $Label)`).
    func flagList(in context: String) throws(IMAPError) -> [String] {
        try expect(ASCII.openParen, in: context)
        var flags: [String] = []
        while true {  // each turn consumes at least one byte of the line, or ends
            skipSpaces()
            if skip(ASCII.closeParen) { return flags }
            let start = index
            _ = skip(ASCII.backslash)
            _ = word()
            guard index > start else { throw violation("expected a flag in \(context)") }
            flags.append(text(start..<index))
        }
    }

    /// A FETCH item name: a word, a bracketed section (which may hold
    /// spaces and parentheses) and a partial origin, as `BODY[HEADER]<0>`.
    func itemName(in context: String) throws(IMAPError) -> Range<Int> {
        let start = index
        _ = word()
        if skip(ASCII.openBracket) {
            while index < end && line[index] != ASCII.closeBracket { index += 1 }
            try expect(ASCII.closeBracket, in: context)
        }
        if skip(ASCII.lessThan) {
            while index < end && line[index] != ASCII.greaterThan { index += 1 }
            try expect(ASCII.greaterThan, in: context)
        }
        guard index > start else { throw violation("expected an item in \(context)") }
        return start..<index
    }

    /// Steps over one value of any kind: a list (at most 32 deep), a quoted
    /// string, a literal (read and dropped) or an atom-like word.
    func skipValue(in context: String, depth: Int = 0) throws(IMAPError) {
        guard depth < 32 else { throw violation("lists nested more than 32 deep in \(context)") }
        switch peek() {
        case nil:
            throw violation("expected a value in \(context)")
        case ASCII.openParen:
            index += 1
            while true {  // each turn consumes a value, or ends
                skipSpaces()
                if skip(ASCII.closeParen) { return }
                try skipValue(in: context, depth: depth + 1)
            }
        case ASCII.quote:
            var ignored: [UInt8] = []
            try quoted(appendingTo: &ignored, in: context)
        case ASCII.openBrace:
            guard let size = try literalSize(in: context), size <= maximumLiteralSize else {
                throw violation("a literal larger than \(maximumLiteralSize) bytes in \(context)")
            }
            try discardLiteral(size)
        default:
            _ = try itemName(in: context)
        }
    }

    /// Steps over the rest of the response, reading through the literals it
    /// announces (each at most `maximumLiteralSize` bytes, at most
    /// ``maximumLiteralsPerResponse`` of them).
    func skipResponse() throws(IMAPError) {
        for _ in 0..<Self.maximumLiteralsPerResponse {
            guard let literal = trailingLiteral(), literal.start >= index else {
                index = end
                return
            }
            guard literal.size <= maximumLiteralSize else {
                throw violation("a literal larger than \(maximumLiteralSize) bytes")
            }
            try discardLiteral(literal.size)
        }
        throw violation("more than \(Self.maximumLiteralsPerResponse) literals in one response")
    }

    /// The literal announced at the end of the line: where its `{` is, and its size.
    private func trailingLiteral() -> (start: Int, size: Int)? {
        guard end >= 3, line[end - 1] == ASCII.closeBrace else { return nil }
        var position = end - 2
        if line[position] == ASCII.plus { position -= 1 }
        var size = 0
        var scale = 1
        var digits = 0
        while position >= 0, digits < 18, let digit = ASCII.digit(line[position]) {
            size += Int(digit) * scale
            scale *= 10
            digits += 1
            position -= 1
        }
        guard digits > 0, position >= 0, line[position] == ASCII.openBrace else { return nil }
        return (position, size)
    }
}
