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
        guard let body = try readBody(appendingTo: &buffer, maximumSize: maximumSize) else {
            throw end(.messageTooLarge(host: host, port: port, message: number, limit: maximumSize, connectionKept: false))
        }
        guard !body.isTooLarge else { return POP3Retrieval(number: number, outcome: .tooLarge(limit: maximumSize)) }
        return POP3Retrieval(number: number, outcome: .retrieved(octets: body.octets))
    }

    /// Reads a multi-line body to its terminator, appending it to `buffer`
    /// unless it is longer than `maximumSize` (then `buffer` is left as it
    /// was and the body is read and dropped). Returns nil when the body did
    /// not end within `maximumSize` plus ``POP3Limits/discardLimit`` octets,
    /// with the rest unread.
    func readBody(appendingTo buffer: inout [UInt8], maximumSize: Int) throws(POP3Error) -> DotStuffedBody? {
        guard let connection else { throw .sessionEnded(host: host, port: port) }
        let start = buffer.count
        var body = DotStuffedBody(keepingAtMost: maximumSize)
        var minimum = 1
        let giveUp = maximumSize > Int.max - max(0, limits.discardLimit) ? Int.max : maximumSize + limits.discardLimit
        while body.octets <= giveUp {
            var progress = DotStuffedBody.Progress.needsMore
            do {
                try connection.consumeBuffered(atLeast: minimum) { bytes in
                    let (consumed, reached) = body.scan(bytes, appendingTo: &buffer)
                    progress = reached
                    return consumed
                }
            } catch {
                buffer.removeSubrange(start...)
                throw end(.network(error))
            }
            switch progress {
            case .finished:
                if body.isTooLarge {
                    buffer.removeSubrange(start...)
                    transcript?(TranscriptLine(.received, "<\(body.octets) bytes, more than \(maximumSize): discarded>"))
                } else {
                    transcript?(TranscriptLine(.received, TranscriptLine.content(body.octets)))
                }
                return body
            case .needsThreeBytes:
                minimum = 3
            case .needsMore:
                minimum = 1
            }
        }
        buffer.removeSubrange(start...)
        transcript?(TranscriptLine(.received, "<more than \(giveUp) bytes: giving up>"))
        return nil
    }

    /// A size limit between 0 and 2^48 (256 TiB), so line limits computed from it cannot overflow.
    private static func bounded(_ maximumSize: Int) -> Int {
        min(max(0, maximumSize), 1 << 48)
    }
}
