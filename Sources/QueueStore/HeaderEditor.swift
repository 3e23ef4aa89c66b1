import Pipeline

/// Applies an interaction's header edits to the raw message on delivery: the
/// pipeline records them (`add-header`, `set-header`, `remove-header`) but
/// never changes the message, so conditions see the header as received.
///
/// The semantics are the rule language's: `add` appends a field at the end of
/// the header, `remove` drops every field of that name (compared without
/// case), `set` does both. Fields keep their bytes, folding and order; the
/// body is untouched. New fields use the message's own line ends, and a value
/// with non-ASCII text is written as RFC 2047 encoded words.
struct HeaderEditor {
    private enum Chunk {
        case original(Range<Int>, name: String?)
        case added(name: String, value: String)
    }

    private let bytes: [UInt8]
    private var chunks: [Chunk] = []
    private let headerEnd: Int
    private let lineEnd: [UInt8]

    /// Splits the header of `bytes` into fields (a field with its continuation lines).
    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var index = 0
        var end = bytes.count
        var lineEnd: [UInt8]?
        while index < bytes.count {
            let newline = bytes[index...].firstIndex(of: UInt8(ascii: "\n"))
            let next = newline.map { $0 + 1 } ?? bytes.count
            if let newline, lineEnd == nil {
                lineEnd = newline > 0 && bytes[newline - 1] == UInt8(ascii: "\r") ? [13, 10] : [10]
            }
            let isBlank = bytes[index] == UInt8(ascii: "\n") || (bytes[index] == UInt8(ascii: "\r") && newline == index + 1)
            if isBlank {
                end = index
                break
            }
            let isContinuation = bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t")
            if isContinuation, case .original(let range, let name)? = chunks.last {
                chunks[chunks.count - 1] = .original(range.lowerBound..<next, name: name)
            } else {
                chunks.append(.original(index..<next, name: Self.fieldName(bytes[index..<next])))
            }
            index = next
        }
        headerEnd = end
        self.lineEnd = lineEnd ?? [13, 10]
    }

    /// The message with `edits` applied in order.
    static func apply(_ edits: [HeaderEdit], to bytes: [UInt8]) -> [UInt8] {
        guard !edits.isEmpty else { return bytes }
        var editor = HeaderEditor(bytes)
        for edit in edits { editor.apply(edit) }
        return editor.result()
    }

    private mutating func apply(_ edit: HeaderEdit) {
        switch edit {
        case .add(let name, let value):
            chunks.append(.added(name: name, value: value))
        case .set(let name, let value):
            remove(name)
            chunks.append(.added(name: name, value: value))
        case .remove(let name):
            remove(name)
        }
    }

    private mutating func remove(_ name: String) {
        let lowercased = name.lowercased()
        chunks.removeAll { chunk in
            switch chunk {
            case .original(_, let fieldName): fieldName == lowercased
            case .added(let addedName, _): addedName.lowercased() == lowercased
            }
        }
    }

    private func result() -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 256)
        for chunk in chunks {
            switch chunk {
            case .original(let range, _):
                output += bytes[range]
            case .added(let name, let value):
                if let last = output.last, last != UInt8(ascii: "\n") { output += lineEnd }
                output += Array(name.utf8) + Array(": ".utf8) + HeaderValueEncoding.encode(value, lineEnd: lineEnd) + lineEnd
            }
        }
        if headerEnd < bytes.count {
            if let last = output.last, last != UInt8(ascii: "\n") { output += lineEnd }
            output += bytes[headerEnd...]
        }
        return output
    }

    /// The lowercased name before the colon of a field's first line; nil when
    /// the line is not a field (no colon, or white space inside the name).
    private static func fieldName(_ line: ArraySlice<UInt8>) -> String? {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        var name = line[line.startIndex..<colon]
        while let last = name.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { name = name.dropLast() }
        guard !name.isEmpty, !name.contains(where: { $0 <= 0x20 || $0 >= 0x7F }) else { return nil }
        return String(decoding: name, as: UTF8.self).lowercased()
    }
}
