import Network

/// Sending a command and reading the responses up to its completion.
extension IMAPClient {
    /// Looks at an untagged response first; returns true when it read the
    /// response (the client then skips whatever of it is left), false to
    /// leave it to the client's own handling.
    typealias UntaggedHandler = (Untagged) throws(IMAPError) -> Bool

    /// How many responses one command may bring before it is given up: a
    /// bound on a server that never completes, far above any real folder.
    static let maximumResponsesPerCommand = 50_000_000

    /// What one response was.
    private enum Response {
        case completed(StatusResponse)
        case continuation
        case untagged
    }

    /// Sends `command` with a new tag and reads responses until the tagged
    /// one, which it returns (OK, NO or BAD). Untagged responses go to
    /// `handler`, then to the client (EXISTS, EXPUNGE, CAPABILITY, BYE, ...).
    func execute(_ command: IMAPCommand, untagged handler: UntaggedHandler = { _ in false }) throws(IMAPError)
        -> StatusResponse
    {
        tagNumber += 1
        let tag = "A\(tagNumber)"
        if let completion = try send(command, tag: tag, handler: handler) { return completion }
        for _ in 0..<Self.maximumResponsesPerCommand {
            switch try readResponse(tag: tag, handler: handler) {
            case .completed(let status): return status
            case .continuation: throw reader.violation("a continuation request that no command asked for")
            case .untagged: continue
            }
        }
        throw reader.violation("more than \(Self.maximumResponsesPerCommand) responses to \(command.summary)")
    }

    /// ``execute(_:untagged:)``, then `.commandFailed` unless the server said OK.
    @discardableResult
    func executeOK(_ command: IMAPCommand, untagged handler: UntaggedHandler = { _ in false }) throws(IMAPError)
        -> StatusResponse
    {
        let status = try execute(command, untagged: handler)
        guard status.condition == .ok else {
            throw .commandFailed(
                host: host, port: port, command: command.summary, status: status.condition.rawValue, text: status.text)
        }
        return status
    }

    /// Writes the command, waiting for `+` where a part needs it. Returns the
    /// tagged completion if the server ended the command before it was all sent.
    private func send(_ command: IMAPCommand, tag: String, handler: UntaggedHandler) throws(IMAPError)
        -> StatusResponse?
    {
        var bytes = Array(tag.utf8) + [ASCII.space]
        var shown = tag + " "
        for part in command.parts {
            switch part {
            case .text(let text, let secret):
                bytes += text
                shown += secret ? " " + TranscriptLine.redacted : String(decoding: text, as: UTF8.self)
            case .literal(let data, let secret):
                let waits = !(capabilities.offersLiteralPlus || capabilities.offersLiteralMinus && data.count <= 4096)
                let marker = "{\(data.count)\(waits ? "" : "+")}"
                bytes += Array(marker.utf8) + ASCII.crlf
                shown += secret ? TranscriptLine.redacted : marker
                try write(&bytes, shown: &shown)
                if waits, let completion = try awaitContinuation(tag: tag, handler: handler) { return completion }
                bytes = data
                shown = secret ? TranscriptLine.redacted : TranscriptLine.content(data.count)
            case .afterContinuation(let data):
                bytes += ASCII.crlf
                try write(&bytes, shown: &shown)
                if let completion = try awaitContinuation(tag: tag, handler: handler) { return completion }
                bytes = data
                shown = TranscriptLine.redacted
            }
        }
        bytes += ASCII.crlf
        try write(&bytes, shown: &shown)
        return nil
    }

    /// Sends `bytes` and shows `shown` in the transcript; empties both.
    private func write(_ bytes: inout [UInt8], shown: inout String) throws(IMAPError) {
        configuration.transcript?(TranscriptLine(.sent, shown))
        do throws(NetworkError) {
            try transport.send(bytes)
        } catch {
            throw .network(error)
        }
        bytes.removeAll()
        shown = ""
    }

    /// Reads responses until the server's `+` (nil) or the tagged completion.
    private func awaitContinuation(tag: String, handler: UntaggedHandler) throws(IMAPError) -> StatusResponse? {
        for _ in 0..<Self.maximumResponsesPerCommand {
            switch try readResponse(tag: tag, handler: handler) {
            case .completed(let status): return status
            case .continuation: return nil
            case .untagged: continue
            }
        }
        throw reader.violation("more than \(Self.maximumResponsesPerCommand) responses before a continuation request")
    }

    /// Reads one whole response.
    private func readResponse(tag: String, handler: UntaggedHandler) throws(IMAPError) -> Response {
        try reader.nextLine()
        if reader.skip(ASCII.plus) {
            reader.index = reader.end
            return .continuation
        }
        if reader.skip(ASCII.star) {
            try reader.expect(ASCII.space, in: "an untagged response")
            try readUntagged(handler: handler)
            return .untagged
        }
        let sentTag = reader.word()
        guard reader.text(sentTag) == tag else { throw reader.violation("a reply to a tag other than \(tag)") }
        try reader.expect(ASCII.space, in: "a tagged response")
        guard let condition = reader.condition(reader.word()), [.ok, .no, .bad].contains(condition) else {
            throw reader.violation("a tagged response that is not OK, NO or BAD")
        }
        return .completed(try reader.statusResponse(condition))
    }

    /// Reads an untagged response whose `* ` has been read.
    func readUntagged(handler: UntaggedHandler) throws(IMAPError) {
        let kind = try reader.untagged()
        if try !handler(kind) {
            try handle(kind)
        }
        try reader.skipResponse()
    }

    /// The client's own handling of untagged responses: keeps capabilities,
    /// the selected folder's size and a BYE's text; skips the rest.
    private func handle(_ kind: Untagged) throws(IMAPError) {
        switch kind {
        case .exists(let count):
            selection.exists = Int(count)
            selected?.exists = Int(count)
        case .expunge:
            if let exists = selected?.exists, exists > 0 { selected?.exists = exists - 1 }
        case .capability:
            capabilities = reader.capabilityAtoms()
        case .status(let condition):
            let status = try reader.statusResponse(condition)
            if condition == .bye { byeText = status.text }
            switch status.code {
            case .capability(let announced): capabilities = announced
            case .uidValidity(let value): selection.uidValidity = value
            case .uidNext(let value): selection.uidNext = value
            case .readOnly, .alreadyExists, .other, nil: break
            }
        case .fetch, .search, .list, .other:
            break
        }
    }
}
