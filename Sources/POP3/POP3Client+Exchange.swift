import Network

/// The plumbing every command shares: writing command lines, reading status
/// lines and listings, the transcript, and ending the session on fatal errors.
extension POP3Client {
    /// Sends `command` (after settling any unfinished retrieval batch) and reads its status line.
    /// A `-ERR` reply is returned, not thrown.
    func exchange(_ command: POP3Command) throws(POP3Error) -> POP3ServerReply {
        try abandonBatch()
        try send([command])
        return try readReply(for: command)
    }

    /// Like ``exchange(_:)``, but a `-ERR` reply is ``POP3Error/commandRefused(host:port:command:reply:)``.
    @discardableResult
    func expectOK(_ command: POP3Command) throws(POP3Error) -> POP3ServerReply {
        let reply = try exchange(command)
        guard reply.isPositive else {
            throw .commandRefused(host: host, port: port, command: command.shown, reply: reply)
        }
        return reply
    }

    /// Writes the commands in one send, so pipelined commands share a packet (and a TLS record).
    func send(_ commands: [POP3Command]) throws(POP3Error) {
        guard let connection else { throw .sessionEnded(host: host, port: port) }
        var bytes: [UInt8] = []
        for command in commands {
            bytes += command.bytes
            transcript?(TranscriptLine(.sent, command.shown))
        }
        do {
            try connection.send(bytes)
        } catch {
            throw end(.network(error))
        }
    }

    /// Reads the status line answering `command`.
    func readReply(for command: POP3Command) throws(POP3Error) -> POP3ServerReply {
        try readLine(limit: limits.replyLineLength)
        transcript?(TranscriptLine(.received, Self.text(of: scratch)))
        guard let reply = POP3ServerReply(line: scratch) else {
            throw end(.malformedReply(host: host, port: port, command: command.shown, line: Self.preview(scratch)))
        }
        return reply
    }

    /// Reads the lines of a multi-line reply up to its terminator, unstuffed, without line ends.
    func readListing(for command: POP3Command) throws(POP3Error) -> [String] {
        var lines: [String] = []
        while true {
            try readLine(limit: limits.replyLineLength)
            if DotStuffing.settle(&scratch, lineStart: 0) == .terminator { return lines }
            guard lines.count < limits.listingEntries else {
                throw end(.listingTooLong(host: host, port: port, command: command.shown, limit: limits.listingEntries))
            }
            let line = Self.text(of: scratch)
            transcript?(TranscriptLine(.received, line))
            lines.append(line)
        }
    }

    /// Replaces ``scratch`` with the next line from the server, line end included.
    func readLine(limit: Int) throws(POP3Error) {
        guard let connection else { throw .sessionEnded(host: host, port: port) }
        scratch.removeAll(keepingCapacity: true)
        do {
            _ = try connection.readLine(appendingTo: &scratch, limit: limit)
        } catch {
            throw end(.network(error))
        }
    }

    /// Closes the connection after a fatal error and returns the error, for `throw end(...)`.
    func end(_ error: POP3Error) -> POP3Error {
        close()
        return error
    }

    /// A line as text without its line end; invalid UTF-8 becomes U+FFFD.
    static func text(of line: [UInt8]) -> String {
        var end = line.count
        while end > 0, line[end - 1] == UInt8(ascii: "\n") || line[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: line[..<end], as: UTF8.self)
    }

    /// The start of an unexpected line, short enough for an error message.
    static func preview(_ line: [UInt8]) -> String {
        String(text(of: line).prefix(200))
    }
}
