import Network

/// The commands of the TRANSACTION state (RFC 1939 section 5) other than
/// retrieval, and QUIT.
extension POP3Client {
    /// STAT: the number of messages and their total size.
    /// - Throws: ``POP3Error/commandRefused(host:port:command:reply:)``, or
    ///   ``POP3Error/malformedReply(host:port:command:line:)`` when the counts are not numbers.
    public func status() throws(POP3Error) -> POP3MaildropStatus {
        let command = POP3Command("STAT")
        let reply = try expectOK(command)
        guard let status = POP3MaildropStatus(replyText: reply.text) else {
            throw end(.malformedReply(host: host, port: port, command: command.shown, line: reply.description))
        }
        return status
    }

    /// LIST: every message's number and size. A size that is negative or not a
    /// number is reported as unknown (`nil`), not as an error.
    /// - Throws: ``POP3Error/malformedReply(host:port:command:line:)`` for a line
    ///   without a message number, ``POP3Error/listingTooLong(host:port:command:limit:)``.
    public func list() throws(POP3Error) -> [POP3Listing] {
        try readEntries(POP3Command("LIST"), POP3Listing.init(bytes:))
    }

    /// UIDL: every message's number and unique id.
    /// - Throws: as ``list()``; ``POP3Error/commandRefused(host:port:command:reply:)`` from servers without UIDL.
    public func uniqueIDs() throws(POP3Error) -> [POP3UniqueID] {
        try readEntries(POP3Command("UIDL"), POP3UniqueID.init(bytes:))
    }

    /// DELE of each message, pipelined when the server offers PIPELINING. Deletion
    /// happens only at ``quit()``. Returns the refusals (already deleted, no such
    /// message); the others are marked.
    public func delete(_ numbers: [Int]) throws(POP3Error) -> [POP3Refusal] {
        try abandonBatch()
        var refusals: [POP3Refusal] = []
        var start = numbers.startIndex
        while start < numbers.endIndex {
            let chunk = numbers[start..<min(start + pipelineDepth, numbers.endIndex)]
            let commands = chunk.map { POP3Command("DELE \($0)") }
            try send(commands)
            for (number, command) in zip(chunk, commands) {
                let reply = try readReply(for: command)
                if !reply.isPositive { refusals.append(POP3Refusal(number: number, reply: reply)) }
            }
            start = chunk.endIndex
        }
        return refusals
    }

    /// RSET: unmarks every message marked for deletion.
    public func reset() throws(POP3Error) {
        try expectOK(POP3Command("RSET"))
    }

    /// NOOP: checks that the server still answers.
    public func noop() throws(POP3Error) {
        try expectOK(POP3Command("NOOP"))
    }

    /// QUIT: the server deletes the marked messages and the session ends.
    /// - Throws: ``POP3Error/commandRefused(host:port:command:reply:)`` when the
    ///   server could not delete them all (RFC 1939 section 6), or a connection
    ///   failure, after which the deletions may or may not have happened. The
    ///   session ends either way.
    public func quit() throws(POP3Error) {
        defer { close() }
        try expectOK(POP3Command("QUIT"))
    }

    /// How many commands may be in flight: ``POP3Limits/pipelineDepth`` with PIPELINING, else 1.
    var pipelineDepth: Int { capabilities.offersPipelining ? limits.pipelineDepth : 1 }

    /// Sends `command`, expects `+OK` and reads its listing, parsing each
    /// line (as received, unstuffed) with `parse`. No string is made of a
    /// line unless a transcript is kept: a listing has a line per message.
    private func readEntries<Entry>(_ command: POP3Command, _ parse: ([UInt8]) -> Entry?) throws(POP3Error) -> [Entry] {
        try expectOK(command)
        var entries: [Entry] = []
        while true {
            try readLine(limit: limits.replyLineLength)
            if DotStuffing.settle(&scratch, lineStart: 0) == .terminator { return entries }
            guard entries.count < limits.listingEntries else {
                throw end(.listingTooLong(host: host, port: port, command: command.shown, limit: limits.listingEntries))
            }
            transcript?(TranscriptLine(.received, Self.text(of: scratch)))
            guard let entry = parse(scratch) else {
                throw end(.malformedReply(host: host, port: port, command: command.shown, line: Self.preview(scratch)))
            }
            entries.append(entry)
        }
    }
}
