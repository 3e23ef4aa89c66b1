import Glibc

extension MIMEParser {
    /// Splits a multipart body at its boundary (RFC 2046 section 5.1.1) and reads each part.
    ///
    /// A delimiter is a line that starts with `--boundary`, optionally followed
    /// by `--` (the close delimiter) and white space, and nothing else; the
    /// line break before it belongs to it. Text before the first delimiter is
    /// the preamble and after the close delimiter the epilogue; both are ignored.
    mutating func parseMultipart(
        body: Range<Int>, contentType: ContentType, path: String, depth: Int, location: String?
    ) -> [MIMEPart] {
        guard let boundary = contentType.parameters["boundary"], !boundary.isEmpty else {
            defects.append(Defect(.missingBoundary, "a multipart has no boundary parameter, so its parts are not read", at: location))
            return []
        }
        let childDefault: ContentType = contentType.subtype == "digest" ? .messageRFC822 : .textPlain
        let delimiters = findDelimiters(boundary: Array(boundary.utf8), in: body)
        guard let first = delimiters.first else {
            defects.append(Defect(.noPartsInMultipart,
                "the boundary \"\(boundary)\" never occurs, so the multipart has no parts", at: location))
            return []
        }
        var children: [MIMEPart] = []
        var partStart = first.next
        var closed = first.isClose
        // The limit is checked before each part, not after one: a multipart that
        // closes with its last allowed part is whole, and one cut short by the
        // limit is not missing its close delimiter. The rest of the body stays
        // inside this part, unread.
        var stoppedAtLimit = false
        for delimiter in delimiters.dropFirst() where !closed {
            guard partCount < limits.maximumParts else {
                stoppedAtLimit = true
                break
            }
            children.append(child(range: partStart..<delimiter.start, index: children.count + 1, path: path, depth: depth, type: childDefault))
            partStart = delimiter.next
            closed = delimiter.isClose
        }
        if stoppedAtLimit {
            reportTooManyParts(at: location)
        } else if !closed {
            defects.append(Defect(.missingClosingBoundary,
                "the multipart does not end with \"--\(boundary)--\"; its last part runs to the end", at: location))
            if partStart < body.upperBound || children.isEmpty {
                if partCount < limits.maximumParts {
                    children.append(child(range: partStart..<body.upperBound, index: children.count + 1, path: path, depth: depth, type: childDefault))
                } else {
                    reportTooManyParts(at: location)
                }
            }
        }
        return children
    }

    private mutating func child(range: Range<Int>, index: Int, path: String, depth: Int, type: ContentType) -> MIMEPart {
        let childPath = path.isEmpty ? "\(index)" : "\(path).\(index)"
        return parsePart(range: range, path: childPath, depth: depth + 1, defaultType: type)
    }

    /// A delimiter line: `start` is where the line break before it begins (the end of the previous part), `next` where the following part begins.
    struct Delimiter {
        var start: Int
        var next: Int
        var isClose: Bool
    }

    /// Every delimiter line for `boundary` in `body`, in order, up to and including the first close delimiter.
    ///
    /// Candidates are found with `memchr` on the dash, so a large base64 part
    /// (whose alphabet has no dash) is skipped at memory speed.
    func findDelimiters(boundary: [UInt8], in body: Range<Int>) -> [Delimiter] {
        var result: [Delimiter] = []
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let end = body.upperBound
            var searchFrom = body.lowerBound
            while searchFrom + 1 < end {
                guard let found = memchr(base + searchFrom, Int32(UInt8(ascii: "-")), end - searchFrom) else { return }
                let candidate = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                let atLineStart = candidate == body.lowerBound || buffer[candidate - 1] == 0x0A || buffer[candidate - 1] == 0x0D
                if atLineStart, candidate + 1 < end, buffer[candidate + 1] == UInt8(ascii: "-"),
                    let delimiter = matchDelimiter(at: candidate, boundary: boundary, bodyStart: body.lowerBound, end: end, in: buffer)
                {
                    result.append(delimiter)
                    if delimiter.isClose { return }
                    searchFrom = delimiter.next
                } else {
                    searchFrom = candidate + 1
                }
            }
        }
        return result
    }

    private func matchDelimiter(
        at start: Int, boundary: [UInt8], bodyStart: Int, end: Int, in buffer: UnsafeBufferPointer<UInt8>
    ) -> Delimiter? {
        var index = start + 2
        guard end - index >= boundary.count else { return nil }
        for byte in boundary {
            guard buffer[index] == byte else { return nil }
            index += 1
        }
        var isClose = false
        if index + 1 < end, buffer[index] == UInt8(ascii: "-"), buffer[index + 1] == UInt8(ascii: "-") {
            isClose = true
            index += 2
        }
        while index < end, buffer[index] == 0x20 || buffer[index] == 0x09 { index += 1 }
        var next = index
        if next < end {
            switch buffer[next] {
            case 0x0D:
                next += 1
                if next < end, buffer[next] == 0x0A { next += 1 }
            case 0x0A:
                next += 1
            default:
                if !isClose { return nil }
                // Text after a close delimiter on the same line is epilogue junk; the close still counts.
            }
        }
        // The line break before the delimiter belongs to it.
        var partEnd = start
        if partEnd > bodyStart, buffer[partEnd - 1] == 0x0A { partEnd -= 1 }
        if partEnd > bodyStart, buffer[partEnd - 1] == 0x0D { partEnd -= 1 }
        return Delimiter(start: partEnd, next: next, isClose: isClose)
    }
}
