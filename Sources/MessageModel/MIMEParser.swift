/// Builds the MIME tree of a message (RFC 2045, RFC 2046) from its bytes.
///
/// Parts are located, not decoded. Nesting and the number of parts are
/// bounded by ``ParseLimits``; past a bound the rest of a part is kept as an
/// opaque leaf and a defect says so. Each multipart body is scanned once for
/// its own boundary, so the work is linear in the size of the message times
/// the (bounded) nesting depth.
struct MIMEParser {
    let bytes: [UInt8]
    let limits: ParseLimits
    let scope: Message.Scope
    var defects: [Defect] = []
    var partCount = 0
    var reportedDepth = false
    var reportedPartCount = false

    init(bytes: [UInt8], limits: ParseLimits, scope: Message.Scope) {
        self.bytes = bytes
        self.limits = limits
        self.scope = scope
    }

    /// Reads the part in `range`: its header, then, for a multipart or an encapsulated message, its children.
    mutating func parsePart(range: Range<Int>, path: String, depth: Int, defaultType: ContentType) -> MIMEPart {
        partCount += 1
        let location = path.isEmpty ? nil : "part \(path)"
        let section = HeaderSection(bytes: bytes, range: range, limits: limits, location: location)
        defects.append(contentsOf: section.defects)
        let header = section.header
        let bodyRange = section.bodyStart..<range.upperBound

        let fields = MIMEFields(header)
        let contentType = readContentType(header, fields, defaultType: defaultType, location: location)
        let transferEncoding = readTransferEncoding(fields.transferEncoding.map { header[$0] }, location: location)
        var disposition: String? = nil
        var filename: String? = nil
        if let field = fields.disposition.map({ header[$0] }) {
            let parsed = field.withUnfoldedValue { ParameterParser.parse($0, location: field.name, defects: &defects) }
            let token = ASCIICase.lowercased(parsed.token)
            disposition = token.isEmpty ? nil : token
            filename = parsed.parameters["filename"]
        }
        if filename == nil { filename = contentType.parameters["name"] }

        var children: [MIMEPart] = []
        // Only a part that has parts inside it can reach the nesting or part limit:
        // a leaf at the limit keeps nothing unread, so it reports nothing.
        let isComposite = contentType.isMultipart || contentType.isEncapsulatedMessage
        if scope == .structure, isComposite, canDescend(depth: depth, location: location) {
            if contentType.isMultipart {
                children = parseMultipart(
                    body: bodyRange, contentType: contentType, path: path, depth: depth, location: location)
            } else if contentType.isEncapsulatedMessage {
                if case .base64 = transferEncoding {
                    defects.append(Defect(.transferEncodingOnComposite,
                        "an encapsulated message is base64-encoded, so its inside is not read", at: location))
                } else if case .quotedPrintable = transferEncoding {
                    defects.append(Defect(.transferEncodingOnComposite,
                        "an encapsulated message is quoted-printable, so its inside is not read", at: location))
                } else {
                    let childPath = path.isEmpty ? "1" : "\(path).1"
                    children = [parsePart(range: bodyRange, path: childPath, depth: depth + 1, defaultType: .textPlain)]
                }
            }
        }
        return MIMEPart(
            path: path, header: header, contentType: contentType, transferEncoding: transferEncoding,
            disposition: disposition, filename: filename, bodyRange: bodyRange, children: children)
    }

    private mutating func canDescend(depth: Int, location: String?) -> Bool {
        if depth >= limits.maximumNestingDepth {
            if !reportedDepth {
                reportedDepth = true
                defects.append(Defect(.nestingTooDeep,
                    "parts nested deeper than \(limits.maximumNestingDepth) levels are kept unread", at: location))
            }
            return false
        }
        if partCount >= limits.maximumParts {
            reportTooManyParts(at: location)
            return false
        }
        return true
    }

    /// Adds the defect for parts past ``ParseLimits/maximumParts``, once per message.
    mutating func reportTooManyParts(at location: String?) {
        guard !reportedPartCount else { return }
        reportedPartCount = true
        defects.append(Defect(.tooManyParts,
            "parts past the first \(limits.maximumParts) are kept unread inside their parent", at: location))
    }

    private mutating func readContentType(
        _ header: Header, _ fields: MIMEFields, defaultType: ContentType, location: String?
    ) -> ContentType {
        guard let first = fields.contentType else { return defaultType }
        let field = header[first]
        if fields.contentTypeCount > 1 {
            defects.append(Defect(
                .duplicateField, "\(fields.contentTypeCount) Content-Type fields; the first is used", at: location))
        }
        let parsed = field.withUnfoldedValue { ParameterParser.parse($0, location: field.name, defects: &defects) }
        guard let (type, subtype) = Self.mediaType(parsed.token) else {
            defects.append(Defect(.invalidContentType,
                "\"\(String(field.unfoldedValue.prefix(60)))\" is not a media type; text/plain is assumed", at: location ?? field.name))
            return .textPlain
        }
        return ContentType(type: type, subtype: subtype, parameters: parsed.parameters)
    }

    /// The lower-case type and subtype of a Content-Type token (`Text / Plain`
    /// gives `text` and `plain`), or nil when it is not `type/subtype`: both
    /// non-empty once trimmed, neither holding a space.
    static func mediaType(_ token: String) -> (type: String, subtype: String)? {
        var contiguous = token
        // ASCII, nearly every token, is split and trimmed byte by byte; the rest by characters.
        let ascii: (type: String, subtype: String)?? = contiguous.withUTF8 { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            guard let slash = bytes.firstIndex(of: UInt8(ascii: "/")) else { return .some(nil) }
            let type = Self.trimmed(UnsafeBufferPointer(rebasing: bytes[..<slash]))
            let subtype = Self.trimmed(UnsafeBufferPointer(rebasing: bytes[(slash + 1)...]))
            guard !type.isEmpty, !subtype.isEmpty, !type.contains(0x20), !subtype.contains(0x20) else { return .some(nil) }
            return .some((ASCIICase.lowercased(type), ASCIICase.lowercased(subtype)))
        }
        if let ascii { return ascii }
        let pieces = token.lowercased().split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard pieces.count == 2,
            let type = pieces.first.map({ String($0.trimmingWhitespace()) }), !type.isEmpty,
            let subtype = pieces.last.map({ String($0.trimmingWhitespace()) }), !subtype.isEmpty,
            !type.contains(" "), !subtype.contains(" ")
        else { return nil }
        return (type, subtype)
    }

    /// `bytes` without spaces, tabs, CR and LF at either end.
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0
        var end = bytes.count
        while start < end, HeaderText.isWhitespace(bytes[start]) { start += 1 }
        while end > start, HeaderText.isWhitespace(bytes[end - 1]) { end -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    private mutating func readTransferEncoding(_ field: HeaderField?, location: String?) -> TransferEncoding {
        guard let field else { return .sevenBit }
        let encoding = field.withUnfoldedValue { TransferEncoding(fieldValue: $0) }
        if case .unknown(let name) = encoding {
            defects.append(Defect(.unknownTransferEncoding,
                "transfer encoding \"\(name)\" is unknown; the body is kept as it is", at: location ?? field.name))
        }
        return encoding
    }
}
