import Network

/// RETR and TOP: single messages, and batches that keep up to
/// ``POP3Limits/pipelineDepth`` commands in flight when the server offers
/// PIPELINING, so a whole window of messages costs one round trip.
extension POP3Client {
    /// Starts a batch: the messages `numbers`, in this order, each at most
    /// `maximumSize` octets. Commands are sent as ``nextRetrieval(appendingTo:)``
    /// reads the replies. Any other command first reads and discards the replies
    /// still in flight and forgets the rest of the batch.
    public func beginRetrieval(of numbers: [Int], part: POP3MessagePart = .message, maximumSize: Int)
        throws(POP3Error)
    {
        try abandonBatch()
        guard connection != nil else { throw .sessionEnded(host: host, port: port) }
        batch = RetrievalBatch(part: part, numbers: numbers, maximumSize: Self.bounded(maximumSize))
    }

    /// Appends the next message of the batch to `buffer` (unstuffed, terminator
    /// removed, without allocating per line) and says which one it was; `nil`
    /// once the batch is done. Refused and oversized messages are outcomes,
    /// with nothing appended.
    /// - Throws: connection failures, ``POP3Error/malformedReply(host:port:command:line:)``,
    ///   or ``POP3Error/messageTooLarge(host:port:message:limit:connectionKept:)``
    ///   when an oversized message did not end within ``POP3Limits/discardLimit``;
    ///   all of them end the session. ``POP3Error/sessionEnded(host:port:)`` after that.
    public func nextRetrieval(appendingTo buffer: inout [UInt8]) throws(POP3Error) -> POP3Retrieval? {
        guard connection != nil else { throw .sessionEnded(host: host, port: port) }
        guard var current = batch else { return nil }
        guard current.read < current.numbers.count else {
            batch = nil
            return nil
        }
        if current.sent - current.read <= pipelineDepth / 2, current.sent < current.numbers.count {
            let window = current.sent..<min(current.numbers.count, current.read + pipelineDepth)
            try send(current.numbers[window].map(current.part.command(for:)))
            current.sent = window.upperBound
        }
        let number = current.numbers[current.read]
        current.read += 1
        batch = current
        return try receive(number, current.part, maximumSize: current.maximumSize, appendingTo: &buffer)
    }

    /// Retrieves one message, or its header, appending it to `buffer`; returns its size in octets.
    /// - Throws: ``POP3Error/commandRefused(host:port:command:reply:)`` and
    ///   ``POP3Error/messageTooLarge(host:port:message:limit:connectionKept:)``
    ///   (after both the session goes on unless `connectionKept` is false), or a connection failure.
    public func retrieve(
        _ number: Int, part: POP3MessagePart = .message, maximumSize: Int, appendingTo buffer: inout [UInt8]
    ) throws(POP3Error) -> Int {
        try abandonBatch()
        let command = part.command(for: number)
        try send([command])
        let retrieval = try receive(number, part, maximumSize: Self.bounded(maximumSize), appendingTo: &buffer)
        switch retrieval.outcome {
        case .retrieved(let octets):
            return octets
        case .refused(let reply):
            throw .commandRefused(host: host, port: port, command: command.shown, reply: reply)
        case .tooLarge(let limit):
            throw .messageTooLarge(host: host, port: port, message: number, limit: limit, connectionKept: true)
        }
    }

    /// Reads the reply to the RETR or TOP already sent for `number`.
    private func receive(_ number: Int, _ part: POP3MessagePart, maximumSize: Int, appendingTo buffer: inout [UInt8])
        throws(POP3Error) -> POP3Retrieval
    {
        let reply = try readReply(for: part.command(for: number))
        guard reply.isPositive else { return POP3Retrieval(number: number, outcome: .refused(reply)) }
        if let octets = try readBody(appendingTo: &buffer, maximumSize: maximumSize) {
            return POP3Retrieval(number: number, outcome: .retrieved(octets: octets))
        }
        guard try discardBody() else {
            throw end(.messageTooLarge(host: host, port: port, message: number, limit: maximumSize, connectionKept: false))
        }
        return POP3Retrieval(number: number, outcome: .tooLarge(limit: maximumSize))
    }

    /// Reads a multi-line body into `buffer`; returns its size, or `nil` (with
    /// `buffer` as it was and the rest of the body unread) when it is longer than `maximumSize`.
    private func readBody(appendingTo buffer: inout [UInt8], maximumSize: Int) throws(POP3Error) -> Int? {
        guard let connection else { throw .sessionEnded(host: host, port: port) }
        let start = buffer.count
        while true {
            let lineStart = buffer.count
            // Room for the rest of the allowance, plus a stuffed dot and CRLF, so the final "." line always fits.
            let limit = maximumSize - (lineStart - start) + 3
            do {
                _ = try connection.readLine(appendingTo: &buffer, limit: limit)
            } catch .lineTooLong {
                break
            } catch {
                buffer.removeSubrange(start...)
                throw end(.network(error))
            }
            if DotStuffing.settle(&buffer, lineStart: lineStart) == .terminator {
                transcript?(POP3TranscriptLine(.received, "<\(buffer.count - start) bytes>"))
                return buffer.count - start
            }
            if buffer.count - start > maximumSize { break }
        }
        transcript?(POP3TranscriptLine(.received, "<more than \(maximumSize) bytes: discarding the rest>"))
        buffer.removeSubrange(start...)
        return nil
    }

    /// A size limit between 0 and 2^48 (256 TiB), so line limits computed from it cannot overflow.
    private static func bounded(_ maximumSize: Int) -> Int {
        min(max(0, maximumSize), 1 << 48)
    }
}
