import Reports
import MessageModel

/// Reads an input as one message, every way the library offers, and checks
/// what must hold whatever the bytes.
enum MessageChecks {
    /// Limits low enough that small inputs reach every one of them.
    static let tightLimits = ParseLimits(
        maximumHeaderFields: 8, maximumNestingDepth: 3, maximumParts: 6, maximumAddresses: 2)

    static func run(_ bytes: [UInt8]) {
        let message = Message(bytes: bytes, scope: .structure)
        checkStructure(of: message, input: bytes, limits: .standard)
        checkHeaderScope(Message(bytes: bytes, scope: .header), against: message)
        checkStructure(of: Message(bytes: bytes, scope: .structure, limits: tightLimits), input: bytes, limits: tightLimits)
        checkBodies(of: message)
        checkAddresses(in: message.header)
        checkInspection(of: message)
    }

    // MARK: The MIME tree

    /// Ranges nest, fields lie before their body, paths follow the IMAP numbering,
    /// and the limits bound what they say they bound.
    static func checkStructure(of message: Message, input: [UInt8], limits: ParseLimits) {
        require(message.bytes == input, "the message keeps other bytes than it was given")
        require(message.root.path.isEmpty, "the root's path is \"\(message.root.path)\"")
        require(!input.isEmpty || message.defects.contains { $0.kind == .emptyMessage }, "an empty message has no emptyMessage defect")
        var partCount = 0
        checkPart(message.root, in: message, enclosing: 0..<input.count, depth: 0, limits: limits, partCount: &partCount)
        require(partCount == message.parts.count, "parts lists \(message.parts.count) parts, the tree has \(partCount)")
        require(
            partCount <= limits.maximumParts,
            "\(partCount) parts, above the limit of \(limits.maximumParts)")
        for part in message.textParts {
            require(part.children.isEmpty && part.contentType.isText, "text part \(part.path) is not a text leaf")
        }
        for part in message.attachments {
            require(part.children.isEmpty && part.isAttachment, "attachment \(part.path) is not an attachment leaf")
        }
    }

    /// Checks `part`, whose header and body lie in `enclosing`, and the parts below it.
    private static func checkPart(
        _ part: MIMEPart, in message: Message, enclosing: Range<Int>, depth: Int, limits: ParseLimits,
        partCount: inout Int
    ) {
        partCount += 1
        let body = part.bodyRange
        require(
            enclosing.lowerBound <= body.lowerBound && body.upperBound <= enclosing.upperBound,
            "part \"\(part.path)\": body \(body) outside \(enclosing)")
        require(depth <= limits.maximumNestingDepth, "part \"\(part.path)\" is nested \(depth) deep")
        require(part.header.count <= limits.maximumHeaderFields, "part \"\(part.path)\" keeps \(part.header.count) fields")
        for field in part.header {
            checkField(field, in: message, from: enclosing.lowerBound, to: body.lowerBound, part: part.path)
        }
        if !part.children.isEmpty {
            require(
                part.contentType.isMultipart || (part.contentType.isEncapsulatedMessage && part.children.count == 1),
                "part \"\(part.path)\" (\(part.contentType.mimeType)) has \(part.children.count) children")
        }
        // Each child lies after the one before it, inside its parent's body.
        var childStart = body.lowerBound
        for (offset, child) in part.children.enumerated() {
            let expectedPath = part.path.isEmpty ? "\(offset + 1)" : "\(part.path).\(offset + 1)"
            require(child.path == expectedPath, "child \(offset + 1) of \"\(part.path)\" is numbered \"\(child.path)\"")
            checkPart(
                child, in: message, enclosing: childStart..<body.upperBound, depth: depth + 1, limits: limits,
                partCount: &partCount)
            childStart = child.bodyRange.upperBound
        }
    }

    /// A field's raw value is a slice of the message between the start of its part and
    /// the part's body; its name is printable ASCII without a colon; unfolding removes every line break.
    private static func checkField(_ field: HeaderField, in message: Message, from start: Int, to end: Int, part: String) {
        let raw = field.rawValue
        require(
            start <= raw.startIndex && raw.endIndex <= end,
            "part \"\(part)\": field \(field.name) at \(raw.indices), header in \(start)..<\(end)")
        require(raw.elementsEqual(message.bytes[raw.indices]), "part \"\(part)\": field \(field.name) is not a slice of the message")
        require(!field.name.isEmpty, "part \"\(part)\": a field has an empty name")
        require(
            field.name.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: ":") },
            "part \"\(part)\": field name \(field.name.debugDescription)")
        require(field.line >= 1, "part \"\(part)\": field \(field.name) on line \(field.line)")
        require(
            !field.unfoldedValue.utf8.contains { $0 == 0x0A || $0 == 0x0D },
            "part \"\(part)\": the unfolded value of \(field.name) has a line break")
    }

    /// The header-only reading sees the same header and body as the full one, and no tree.
    static func checkHeaderScope(_ headerOnly: Message, against full: Message) {
        require(headerOnly.root.children.isEmpty, "a header-only reading has \(headerOnly.root.children.count) children")
        require(headerOnly.root.bodyRange == full.root.bodyRange, "the scopes disagree on where the body starts")
        require(headerOnly.header.count == full.header.count, "the scopes read different numbers of header fields")
        for (short, long) in zip(headerOnly.header, full.header) {
            require(
                short.name == long.name && short.rawValue.indices == long.rawValue.indices,
                "the scopes read field \(long.name) differently")
        }
        require(
            headerOnly.root.contentType == full.root.contentType
                && headerOnly.root.transferEncoding == full.root.transferEncoding,
            "the scopes read the root's content type or transfer encoding differently")
    }

    // MARK: Bodies and addresses

    /// Decoding never grows a body beyond what its encoding can hold.
    static func checkBodies(of message: Message) {
        for part in message.parts {
            var defects: [Defect] = []
            let raw = message.bytes[part.bodyRange]
            let decoded = message.decodedBody(of: part, defects: &defects)
            if !part.children.isEmpty {
                require(decoded.elementsEqual(raw), "part \"\(part.path)\": a multipart's body was changed")
                continue
            }
            switch part.transferEncoding {
            case .base64:
                require(decoded.count <= raw.count / 4 * 3 + 2, "part \"\(part.path)\": \(raw.count) base64 bytes decoded to \(decoded.count)")
            case .quotedPrintable:
                require(decoded.count <= raw.count, "part \"\(part.path)\": \(raw.count) quoted-printable bytes decoded to \(decoded.count)")
            default:
                require(decoded.elementsEqual(raw), "part \"\(part.path)\": an identity-encoded body was changed")
            }
        }
    }

    /// Every field that may hold addresses, read with a limit small enough to be reached:
    /// mailboxes and groups together stay within it, and a field reports at most
    /// 50 problems plus the one for the limit, as `AddressParser.parse` documents.
    static func checkAddresses(in header: Header) {
        let names: Set = ["from", "sender", "reply-to", "to", "cc", "bcc", "resent-from", "resent-to", "return-path"]
        for field in header where names.contains(field.lowercasedName) {
            var defects: [Defect] = []
            let list = AddressParser.parse(field.unfoldedValue, field: field.name, limits: tightLimits, defects: &defects)
            let groups = list.entries.filter { if case .group = $0 { true } else { false } }.count
            require(
                list.addresses.count + groups <= tightLimits.maximumAddresses,
                "\(field.name): \(list.addresses.count) mailboxes and \(groups) groups kept, the limit is \(tightLimits.maximumAddresses)")
            require(defects.count <= 51, "\(field.name): \(defects.count) defects for one field")
            for address in list.addresses {
                _ = address.addrSpec
                _ = address.normalized
            }
        }
    }

    // MARK: Reports

    /// The inspection matches the message, its JSON line is one line of valid JSON,
    /// and its text shows no control character that could drive a terminal.
    static func checkInspection(of message: Message) {
        let inspected = InspectedMessage(message: message, position: "fuzz:1")
        require(inspected.size == message.size, "the inspection's size differs from the message's")
        require(inspected.fields.count == message.header.count, "the inspection lists another number of fields")
        require(inspected.parts.count == message.parts.count, "the inspection lists another number of parts")
        require(inspected.textExcerpts.count == message.textParts.count, "the inspection has another number of excerpts")
        for excerpt in inspected.textExcerpts {
            require(excerpt.text.count <= InspectedMessage.excerptLength, "excerpt \(excerpt.path) is too long")
        }
        require(inspected.defects.starts(with: message.defects), "the inspection lost defects of the message")

        let json = inspected.jsonLine()
        if let problem = JSONChecker.problem(in: json) {
            fatalError("invariant broken: the JSON line is not valid JSON: \(problem)\n\(String(decoding: json, as: UTF8.self))")
        }

        for line in inspected.text().split(separator: "\n") {
            for scalar in line.unicodeScalars {
                let value = scalar.value
                require(
                    value >= 0x20 && value != 0x7F && !(0x80...0x9F).contains(value),
                    "the text report shows U+\(String(value, radix: 16)) unescaped on the line \(String(line).debugDescription)")
            }
        }
        for defect in inspected.defects { _ = defect.description }
    }
}
