import Network

/// Reading past what the caller will not get: the rest of an oversized
/// message, and the replies of a batch the caller left unfinished. Both keep
/// the session in step with the server at a bounded cost.
extension POP3Client {
    /// Reads and drops the rest of a multi-line body, from the start of a line,
    /// up to ``POP3Limits/discardLimit`` octets; returns whether its end came.
    func discardBody() throws(POP3Error) -> Bool {
        guard let connection else { throw .sessionEnded(host: host, port: port) }
        var discarded = 0
        var atLineStart = true
        while discarded <= limits.discardLimit {
            scratch.removeAll(keepingCapacity: true)
            do {
                discarded += try connection.readLine(appendingTo: &scratch, limit: Self.discardChunk)
                if atLineStart, DotStuffing.settle(&scratch, lineStart: 0) == .terminator { return true }
                atLineStart = true
            } catch .lineTooLong {
                // A line longer than the chunk: drop a chunk of it; its tail is not a line start.
                do {
                    try connection.read(exactly: Self.discardChunk, appendingTo: &scratch)
                } catch {
                    throw end(.network(error))
                }
                discarded += Self.discardChunk
                atLineStart = false
            } catch {
                throw end(.network(error))
            }
        }
        return false
    }

    /// Settles a batch left unfinished: reads and drops the replies still in
    /// flight, so the next command's reply is read in step.
    func abandonBatch() throws(POP3Error) {
        guard let current = batch else { return }
        batch = nil
        for number in current.numbers[current.read..<current.sent] {
            let reply = try readReply(for: current.part.command(for: number))
            guard reply.isPositive else { continue }
            guard try discardBody() else {
                throw end(.messageTooLarge(
                    host: host, port: port, message: number, limit: limits.discardLimit, connectionKept: false))
            }
        }
    }

    /// How much of an overlong line is dropped at a time while discarding.
    private static let discardChunk = 65_536
}
