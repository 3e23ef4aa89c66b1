/// The raw bytes of a document with its line structure, to turn byte offsets
/// into the lines and columns people see.
///
/// Lines end at `\n` (libxml2 counts them the same way); columns count
/// Unicode scalars of UTF-8 text, as libxml2 does. A UTF-8 byte order mark is
/// not part of line 1, as libxml2 skips it too.
struct SourceText {
    let bytes: [UInt8]
    /// The offset where each line starts; line 1 is at index 0.
    private let lineStarts: [Int]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        let hasByteOrderMark = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        var starts = [hasByteOrderMark ? 3 : 0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        lineStarts = starts
    }

    /// Whether byte-level searching for ASCII markup works: false for UTF-16,
    /// UTF-32 and EBCDIC documents, where positions fall back to libxml2's lines.
    var isASCIICompatible: Bool {
        guard bytes.count >= 2 else { return true }
        if bytes[0] == 0 || bytes[1] == 0 { return false }
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) { return false }
        return !bytes.starts(with: [0x4C, 0x6F, 0xA7, 0x94])
    }

    /// The 1-based line and column of the byte at `offset`.
    func lineAndColumn(at offset: Int) -> (line: Int, column: Int) {
        let offset = min(max(offset, 0), bytes.count)
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let start = min(lineStarts[low], offset)
        let column = bytes[start..<offset].reduce(1) { count, byte in
            isContinuationByte(byte) ? count : count + 1
        }
        return (low + 1, column)
    }

    /// The offset just past the end of `line` (its `\n`, or the end of the
    /// text); the end of the text for lines beyond the last.
    func endOfLine(_ line: Int) -> Int {
        guard line >= 1 else { return 0 }
        return line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
    }

    /// The offset of the character at `line` and `column`, clamped to that line.
    func offset(line: Int, column: Int) -> Int {
        guard line >= 1, line <= lineStarts.count else { return line < 1 ? 0 : bytes.count }
        let end = endOfLine(line)
        var offset = lineStarts[line - 1]
        var remaining = column - 1
        while remaining > 0, offset < end {
            offset += 1
            if offset == end || !isContinuationByte(bytes[offset]) { remaining -= 1 }
        }
        return min(offset, end)
    }

    /// The offset of the last occurrence of `needle` that starts before `limit`.
    func lastOccurrence(of needle: String, before limit: Int) -> Int? {
        let pattern = Array(needle.utf8)
        var start = min(limit, bytes.count - pattern.count + 1) - 1
        while start >= 0 {
            if bytes[start..<(start + pattern.count)].elementsEqual(pattern) { return start }
            start -= 1
        }
        return nil
    }

    private func isContinuationByte(_ byte: UInt8) -> Bool {
        byte & 0xC0 == 0x80
    }
}
