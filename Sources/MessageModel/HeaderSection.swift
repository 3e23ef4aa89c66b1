/// Reads a header section (RFC 5322 section 2.2) out of a byte range.
///
/// The rules follow what careful mail clients do with broken mail:
/// - lines end with CRLF, LF or a bare CR (the last is a defect);
/// - a line starting with space or tab continues the previous field;
/// - a first line of the form `From sender date` (an mbox separator left in
///   the message) is skipped;
/// - a line that is neither a field nor a continuation ends the header
///   section and starts the body, with a defect;
/// - an empty line ends the header section; without one the header runs to
///   the end and the body is empty.
///
/// It is a single forward scan, linear in the size of the header, whatever
/// the number or length of the fields.
struct HeaderSection {
    var header: Header
    /// Where the body starts (after the blank line), or the end of the range when there is none.
    var bodyStart: Int
    var defects: [Defect]

    init(bytes: [UInt8], range: Range<Int>, limits: ParseLimits, location: String?) {
        var fields: [HeaderField] = []
        var defects: [Defect] = []
        var droppedFields = 0
        var sawBareCR = false
        var sawNUL = false
        var bodyStart = range.upperBound

        // The field being read: where its name is, where its value starts and where it (so far) ends.
        var pendingName: Range<Int>? = nil
        var pendingValueStart = 0
        var pendingValueEnd = 0
        var pendingLine = 0

        func flush(_ buffer: UnsafeBufferPointer<UInt8>) {
            guard let nameRange = pendingName else { return }
            pendingName = nil
            guard fields.count < limits.maximumHeaderFields else {
                droppedFields += 1
                return
            }
            let nameBytes = UnsafeBufferPointer(rebasing: buffer[nameRange])
            let name: String, lowercasedName: String
            if let known = KnownFieldNames.names(for: nameBytes) {
                (name, lowercasedName) = known
            } else {
                // Names are printable ASCII (see fieldNameEnd): lower-casing is per byte.
                name = String(decoding: nameBytes, as: UTF8.self)
                lowercasedName = nameBytes.contains(where: ASCIICase.isUpper) ? ASCIICase.lowercased(nameBytes) : name
            }
            fields.append(HeaderField(
                name: name, lowercasedName: lowercasedName, rawValue: bytes[pendingValueStart..<pendingValueEnd],
                line: pendingLine))
        }

        fields.reserveCapacity(32)
        bytes.withUnsafeBufferPointer { buffer in
            var position = range.lowerBound
            let end = range.upperBound
            var lineNumber = 0
            while position < end {
                lineNumber += 1
                let lineStart = position
                // Find the end of this line and the start of the next.
                let contentEnd = HeaderSection.lineContentEnd(buffer, from: position, to: end, sawNUL: &sawNUL)
                var next = contentEnd
                if next < end {
                    if buffer[next] == 0x0D {
                        next += 1
                        if next < end && buffer[next] == 0x0A { next += 1 } else { sawBareCR = true }
                    } else {
                        next += 1
                    }
                }
                position = next

                if contentEnd == lineStart {  // the blank line
                    flush(buffer)
                    bodyStart = next
                    return
                }
                let first = buffer[lineStart]
                if first == 0x20 || first == 0x09 {
                    if pendingName != nil {
                        pendingValueEnd = contentEnd
                    } else if fields.isEmpty && droppedFields == 0 {
                        defects.append(Defect(.leadingContinuationLine, "the header starts with a continuation line, which was ignored", at: location))
                    }
                    continue
                }
                if lineNumber == 1, HeaderSection.isEnvelopeLine(buffer, from: lineStart, to: contentEnd) {
                    continue
                }
                guard let colon = HeaderSection.fieldNameEnd(buffer, from: lineStart, to: contentEnd) else {
                    flush(buffer)
                    let excerpt = String(decoding: buffer[lineStart..<min(contentEnd, lineStart + 40)], as: UTF8.self)
                    defects.append(Defect(.missingHeaderBodySeparator,
                        "line \(lineNumber) (\"\(excerpt)\") is not a header field, so the body starts there", at: location))
                    bodyStart = lineStart
                    return
                }
                flush(buffer)
                var nameEnd = colon.nameEnd
                while nameEnd > lineStart, buffer[nameEnd - 1] == 0x20 || buffer[nameEnd - 1] == 0x09 { nameEnd -= 1 }
                pendingName = lineStart..<nameEnd
                pendingValueStart = colon.valueStart
                pendingValueEnd = contentEnd
                pendingLine = lineNumber
            }
            flush(buffer)
            bodyStart = end
        }

        if droppedFields > 0 {
            defects.append(Defect(.tooManyHeaderFields,
                "\(droppedFields) header fields past the first \(limits.maximumHeaderFields) were ignored", at: location))
        }
        if sawBareCR {
            defects.append(Defect(.bareCarriageReturn, "a line of the header ends with a bare CR", at: location))
        }
        if sawNUL {
            defects.append(Defect(.nulByte, "the header contains NUL bytes", at: location))
        }
        self.header = Header(fields: fields)
        self.bodyStart = bodyStart
        self.defects = defects
    }

    /// Where the line starting at `start` ends: the first CR or LF, or `end`.
    /// Sets `sawNUL` when the line holds a NUL byte.
    ///
    /// Looks at eight bytes at a time: header sections are most of what
    /// header-only reading parses, and each of their bytes is looked at here.
    static func lineContentEnd(
        _ buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, sawNUL: inout Bool
    ) -> Int {
        var index = start
        if let base = buffer.baseAddress {
            while index + 8 <= end {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                let found = zeroBytes(word) | zeroBytes(word ^ 0x0A0A_0A0A_0A0A_0A0A) | zeroBytes(word ^ 0x0D0D_0D0D_0D0D_0D0D)
                if found == 0 {
                    index += 8
                    continue
                }
                // The lowest flagged byte is exact (only bytes above a match can be flagged falsely).
                index += found.trailingZeroBitCount >> 3
                guard buffer[index] == 0 else { return index }
                sawNUL = true
                index += 1
            }
        }
        while index < end {
            let byte = buffer[index]
            if byte == 0x0A || byte == 0x0D { break }
            if byte == 0 { sawNUL = true }
            index += 1
        }
        return index
    }

    /// The high bit of every byte of `word` that is zero (and possibly of
    /// bytes above such a byte).
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
    }

    /// Finds the colon of a field line. A name is one or more printable ASCII
    /// characters other than the colon; white space between the name and the
    /// colon is the obsolete syntax of RFC 5322 section 4.5 and is accepted.
    private static func fieldNameEnd(
        _ buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int
    ) -> (nameEnd: Int, valueStart: Int)? {
        var index = start
        while index < end {
            let byte = buffer[index]
            if byte == UInt8(ascii: ":") {
                return index == start ? nil : (index, index + 1)
            }
            if byte == 0x20 || byte == 0x09 {
                var after = index
                while after < end, buffer[after] == 0x20 || buffer[after] == 0x09 { after += 1 }
                if after < end, buffer[after] == UInt8(ascii: ":"), index > start { return (index, after + 1) }
                return nil
            }
            if byte < 33 || byte > 126 { return nil }
            index += 1
        }
        return nil
    }

    /// Whether a line is an mbox `From sender date` separator rather than a field:
    /// `From ` directly followed by the sender. `From  : John` is a field written
    /// with white space before its colon.
    private static func isEnvelopeLine(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        let prefix: [UInt8] = Array("From ".utf8)
        guard end - start > prefix.count else { return false }
        for (offset, byte) in prefix.enumerated() where buffer[start + offset] != byte { return false }
        let next = buffer[start + prefix.count]
        return next != 0x20 && next != 0x09 && next != UInt8(ascii: ":")
    }
}
