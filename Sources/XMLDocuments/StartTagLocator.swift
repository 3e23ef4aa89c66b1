/// A start tag found in the source text: where its `<` is, and where each
/// attribute name inside it starts.
struct LocatedStartTag {
    let offset: Int
    /// Attribute names as written (prefix included), with their offsets, in
    /// document order. Namespace declarations are among them.
    let attributes: [(name: [UInt8], offset: Int)]
}

/// Finds elements' start tags in the source text, in document order.
///
/// libxml2 records only a line for each element, and that is the line where
/// the start tag ends. Elements arrive here in document order, which is the
/// order of their start tags, so each search starts after the previous
/// element's `<` and stops at the end of the line libxml2 gave; comments,
/// CDATA sections, processing instructions and end tags are skipped. When a
/// tag is not found the caller falls back to libxml2's line and column 1.
/// A failed search rescans text, so after a few failures (text in an encoding
/// other than UTF-8, say) the locator gives up, which keeps the work linear.
struct StartTagLocator {
    let source: SourceText
    private var cursor = 0
    private var isUsable: Bool
    private var failuresLeft = 16

    init(source: SourceText) {
        self.source = source
        isUsable = source.isASCIICompatible
    }

    /// The start tag of the next element named `qualifiedName` that begins no
    /// later than `line`, or `nil` if there is none.
    mutating func nextStartTag(named qualifiedName: String, endingOnLine line: Int) -> LocatedStartTag? {
        guard isUsable, line >= 1 else { return nil }
        let name = Array(qualifiedName.utf8)
        let bytes = source.bytes
        let limit = source.endOfLine(line)
        var position = cursor
        while position < limit {
            guard bytes[position] == UInt8(ascii: "<") else {
                position += 1
                continue
            }
            if let skipped = endOfSkippedMarkup(at: position) {
                position = skipped
            } else if startsName(name, at: position + 1) {
                cursor = position + 1
                return LocatedStartTag(offset: position, attributes: attributes(after: position + 1 + name.count))
            } else {
                position += 1
            }
        }
        failuresLeft -= 1
        if failuresLeft == 0 { isUsable = false }
        return nil
    }

    /// Where markup that holds no start tag ends, if one begins at `position`.
    private func endOfSkippedMarkup(at position: Int) -> Int? {
        let rest = source.bytes[position...]
        if rest.starts(with: Self.commentOpen) { return end(of: Self.commentClose, from: position + 4) }
        if rest.starts(with: Self.cdataOpen) { return end(of: Self.cdataClose, from: position + 9) }
        if rest.starts(with: Self.instructionOpen) { return end(of: Self.instructionClose, from: position + 2) }
        if rest.starts(with: Self.endTagOpen) { return position + 2 }
        return nil
    }

    private func end(of terminator: [UInt8], from start: Int) -> Int {
        let bytes = source.bytes
        var position = start
        while position + terminator.count <= bytes.count {
            if bytes[position..<(position + terminator.count)].elementsEqual(terminator) {
                return position + terminator.count
            }
            position += 1
        }
        return bytes.count
    }

    private func startsName(_ name: [UInt8], at position: Int) -> Bool {
        let bytes = source.bytes
        let end = position + name.count
        guard end <= bytes.count, bytes[position..<end].elementsEqual(name) else { return false }
        return end == bytes.count || Self.nameTerminators.contains(bytes[end])
    }

    /// Lexes the attributes of a start tag from just after its name.
    private func attributes(after start: Int) -> [(name: [UInt8], offset: Int)] {
        let bytes = source.bytes
        var found: [(name: [UInt8], offset: Int)] = []
        var position = start
        while position < bytes.count {
            while position < bytes.count, Self.whitespace.contains(bytes[position]) { position += 1 }
            guard position < bytes.count, !Self.tagEnds.contains(bytes[position]) else { break }
            let nameStart = position
            while position < bytes.count, !Self.nameTerminators.contains(bytes[position]) { position += 1 }
            found.append((Array(bytes[nameStart..<position]), nameStart))
            while position < bytes.count, Self.whitespace.contains(bytes[position]) { position += 1 }
            guard position < bytes.count, bytes[position] == UInt8(ascii: "=") else { break }
            position += 1
            while position < bytes.count, Self.whitespace.contains(bytes[position]) { position += 1 }
            guard position < bytes.count, Self.quotes.contains(bytes[position]) else { break }
            let quote = bytes[position]
            position += 1
            while position < bytes.count, bytes[position] != quote { position += 1 }
            position += 1
        }
        return found
    }

    private static let commentOpen = Array("<!--".utf8)
    private static let commentClose = Array("-->".utf8)
    private static let cdataOpen = Array("<![CDATA[".utf8)
    private static let cdataClose = Array("]]>".utf8)
    private static let instructionOpen = Array("<?".utf8)
    private static let instructionClose = Array("?>".utf8)
    private static let endTagOpen = Array("</".utf8)
    private static let whitespace: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
    private static let quotes: Set<UInt8> = [UInt8(ascii: "\""), UInt8(ascii: "'")]
    private static let tagEnds: Set<UInt8> = [UInt8(ascii: ">"), UInt8(ascii: "/")]
    private static let nameTerminators: Set<UInt8> = whitespace.union([
        UInt8(ascii: ">"), UInt8(ascii: "/"), UInt8(ascii: "="),
    ])
}
