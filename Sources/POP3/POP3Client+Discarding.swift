import Network

/// Reading past what the caller will not get: the replies of a batch the
/// caller left unfinished, read and dropped to keep the session in step with
/// the server at a bounded cost. (The rest of an oversized message is
/// dropped by ``readBody(appendingTo:maximumSize:)`` itself.)
extension POP3Client {
    /// Reads and drops a multi-line body, up to ``POP3Limits/discardLimit``
    /// octets; returns whether its end came.
    func discardBody() throws(POP3Error) -> Bool {
        var nothing: [UInt8] = []
        return try readBody(appendingTo: &nothing, maximumSize: 0) != nil
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
}
