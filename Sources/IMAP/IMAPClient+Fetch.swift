/// UID FETCH of many messages in one command, literals streamed into the
/// caller's buffer.
extension IMAPClient {
    /// One FETCH response while it is read: what it said, and where its
    /// literals lie in the buffer.
    private struct FetchResponse {
        var sequence: UInt32
        var uid: UInt32?
        var size: Int?
        var flags: [String]?
        var header: Range<Int>?
        var body: Range<Int>?
    }

    /// Fetches `items` of the messages in `uids` with one UID FETCH (several
    /// for a set too long for one command line) and hands each message to
    /// `each` as soon as its response is read, in the server's order.
    ///
    /// Literals go straight into `buffer`, which is emptied before each
    /// message and given room for its literals, so memory is the largest
    /// message, not the batch, and a message kept as `Array(body)` keeps
    /// exactly its own bytes, without a copy. Messages the server does not
    /// return (expunged meanwhile) are not handed over; responses for messages outside `uids`, and
    /// unsolicited flag updates, are skipped. BODY.PEEK leaves \Seen alone.
    ///
    /// - Throws: `.literalTooLarge` (connection closed) for a literal over
    ///   `maximumLiteralSize`; `.commandFailed`; `.network`; `.protocolViolation`.
    public func fetch(
        _ uids: IMAPUIDSet, items: IMAPFetchItems, into buffer: inout [UInt8], each: (IMAPFetchedMessage) -> Void
    ) throws(IMAPError) {
        try perform { () throws(IMAPError) in
            for chunk in uids.chunks() {
                var command = IMAPCommand("UID FETCH")
                command.add(chunk)
                command.add(items.itemList)
                try executeOK(command) { kind throws(IMAPError) in
                    guard case .fetch(let sequence) = kind else { return false }
                    let response = try readFetch(sequence, into: &buffer)
                    if let message = try message(from: response, items: items, uids: uids, buffer: buffer) {
                        each(message)
                    }
                    return true
                }
            }
        }
    }

    /// The message to hand over, or nil for a response that is not one of
    /// those asked for (a flag update, a message outside the set).
    private func message(from response: FetchResponse, items: IMAPFetchItems, uids: IMAPUIDSet, buffer: [UInt8])
        throws(IMAPError) -> IMAPFetchedMessage?
    {
        guard let uid = response.uid else {
            guard response.body == nil && response.header == nil else {
                throw .protocolViolation(
                    host: host, port: port, detail: "FETCH response for message \(response.sequence) has content but no UID")
            }
            return nil
        }
        guard uids.contains(uid),
            !items.contains(.size) || response.size != nil,
            !items.contains(.flags) || response.flags != nil,
            !items.contains(.header) || response.header != nil,
            !items.contains(.body) || response.body != nil
        else { return nil }
        return IMAPFetchedMessage(
            uid: uid, sequenceNumber: response.sequence, size: response.size, flags: response.flags,
            header: response.header.map { buffer[$0] }, body: response.body.map { buffer[$0] })
    }

    /// The rest of a `* n FETCH` response: its parenthesised items.
    private func readFetch(_ sequence: UInt32, into buffer: inout [UInt8]) throws(IMAPError) -> FetchResponse {
        let context = "a FETCH response"
        reader.skipSpaces()
        try reader.expect(ASCII.openParen, in: context)
        var response = FetchResponse(sequence: sequence)
        // Not keeping the capacity: the last message's storage may live on in
        // the caller's hands, and a kept capacity would then be copied whole.
        buffer.removeAll()
        for _ in 0..<64 {
            reader.skipSpaces()
            if reader.skip(ASCII.closeParen) { return response }
            let name = try reader.itemName(in: context)
            try reader.expect(ASCII.space, in: context)
            if reader.matches(name, "UID") {
                response.uid = UInt32(try reader.number(in: context))
            } else if reader.matches(name, "RFC822.SIZE") {
                response.size = Int(try reader.number(upTo: UInt64(Int.max), in: context))
            } else if reader.matches(name, "FLAGS") {
                response.flags = try reader.flagList(in: context)
            } else if reader.matches(name, "BODY[]") || reader.matches(name, "RFC822") {
                response.body = try readSection(of: response, into: &buffer)
            } else if reader.matches(name, "BODY[HEADER]") || reader.matches(name, "RFC822.HEADER") {
                response.header = try readSection(of: response, into: &buffer)
            } else {
                try reader.skipValue(in: context)
            }
        }
        throw reader.violation("more than 64 items in \(context)")
    }

    /// A section's content (literal, quoted string or NIL) appended to
    /// `buffer`; where it lies there, or nil for NIL.
    private func readSection(of response: FetchResponse, into buffer: inout [UInt8]) throws(IMAPError) -> Range<Int>? {
        let context = "a FETCH response"
        let start = buffer.count
        if let size = try reader.literalSize(in: context) {
            let limit = configuration.maximumLiteralSize
            guard size <= limit else {
                throw .literalTooLarge(host: host, port: port, uid: response.uid, size: size, limit: limit)
            }
            // Storage of the literal's size: a caller that makes an array of a
            // whole-message slice then takes this storage as it is, without a copy.
            buffer.reserveCapacity(buffer.count + size)
            try reader.readLiteral(size, appendingTo: &buffer)
        } else if reader.peek() == ASCII.quote {
            try reader.quoted(appendingTo: &buffer, in: context)
        } else {
            guard try reader.nstring(limit: 0, in: context) == nil else {
                throw reader.violation("expected a literal, a quoted string or NIL in \(context)")
            }
            return nil
        }
        return start..<buffer.count
    }
}
