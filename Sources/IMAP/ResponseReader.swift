import Network

/// Reads an IMAP server's responses one line at a time into one reused
/// buffer and scans them in place, so reading a response allocates nothing
/// once the buffer has grown. Literals (`{n}` at the end of a line) are read
/// by the value readers in `ResponseReader+Values.swift`, which then move on
/// to the line that continues the response.
final class ResponseReader {
    let transport: any IMAPTransport
    /// The longest line accepted; a longer one fails with `.network(.lineTooLong)`.
    let maximumLineLength: Int
    /// The largest literal accepted anywhere.
    let maximumLiteralSize: Int
    /// Receives each line read and a `<n bytes>` line for each literal.
    let transcript: (@Sendable (TranscriptLine) -> Void)?

    // A reader belongs to one session on one thread, and nothing it calls
    // reaches back into it, so the runtime's check for overlapping accesses
    // to these three is turned off: it ran on every byte scanned (24 million
    // instructions, 2 %, of `run --once` over 5,000 IMAP messages). The
    // compiler's static checks still apply.

    /// The current line, with its terminator.
    @exclusivity(unchecked) private(set) var line: [UInt8] = []
    /// The scanning position in `line`.
    @exclusivity(unchecked) var index = 0
    /// Where the current line's content ends (before CRLF).
    @exclusivity(unchecked) private(set) var end = 0

    init(transport: any IMAPTransport, configuration: IMAPConfiguration) {
        self.transport = transport
        self.maximumLineLength = configuration.maximumLineLength
        self.maximumLiteralSize = configuration.maximumLiteralSize
        self.transcript = configuration.transcript
    }

    /// Reads the next line and puts the scanning position at its start.
    func nextLine() throws(IMAPError) {
        // A huge SEARCH answer should not pin its memory for the whole session.
        if line.capacity > 1 << 20 { line = [] } else { line.removeAll(keepingCapacity: true) }
        do throws(NetworkError) {
            _ = try transport.readLine(appendingTo: &line, limit: maximumLineLength)
        } catch {
            throw .network(error)
        }
        end = line.count
        if end > 0 && line[end - 1] == ASCII.lf { end -= 1 }
        if end > 0 && line[end - 1] == ASCII.cr { end -= 1 }
        index = 0
        if let transcript {
            transcript(TranscriptLine(.received, String(decoding: line[0..<end], as: UTF8.self)))
        }
    }

    /// Whether the scanning position is at the end of the line's content.
    var atEnd: Bool { index >= end }

    /// The byte at the scanning position, if any.
    func peek() -> UInt8? { index < end ? line[index] : nil }

    /// Steps over `byte` if it is next; says whether it was.
    func skip(_ byte: UInt8) -> Bool {
        guard index < end, line[index] == byte else { return false }
        index += 1
        return true
    }

    /// Steps over spaces.
    func skipSpaces() {
        while index < end && line[index] == ASCII.space { index += 1 }
    }

    /// Steps over `byte`, or fails naming `context`.
    func expect(_ byte: UInt8, in context: String) throws(IMAPError) {
        guard skip(byte) else {
            throw violation("expected '\(Character(Unicode.Scalar(byte)))' in \(context)")
        }
    }

    /// The run of bytes up to the next space, parenthesis, bracket, brace or
    /// quote (an atom, a number, a flag, a response keyword); may be empty.
    func word() -> Range<Int> {
        let start = index
        while index < end && !ASCII.endsWord(line[index]) { index += 1 }
        return start..<index
    }

    /// Whether `range` of the line is `keyword`, ignoring ASCII case.
    func matches(_ range: Range<Int>, _ keyword: String) -> Bool {
        guard range.count == keyword.utf8.count else { return false }
        var position = range.lowerBound
        for expected in keyword.utf8 {
            guard ASCII.upper(line[position]) == expected else { return false }
            position += 1
        }
        return true
    }

    /// `range` of the line as text.
    func text(_ range: Range<Int>) -> String {
        String(decoding: line[range], as: UTF8.self)
    }

    /// A non-negative decimal number that fits `limit`.
    func number(upTo limit: UInt64 = UInt64(UInt32.max), in context: String) throws(IMAPError) -> UInt64 {
        let start = index
        var value: UInt64 = 0
        while index < end, let digit = ASCII.digit(line[index]) {
            guard UInt64(digit) <= limit, value <= (limit - UInt64(digit)) / 10 else {
                throw violation("number too large in \(context)")
            }
            value = value * 10 + UInt64(digit)
            index += 1
        }
        guard index > start else { throw violation("expected a number in \(context)") }
        return value
    }

    /// The rest of the line as a server text for error messages: control
    /// characters dropped, at most 300 characters.
    func restAsText() -> String {
        let text = String(decoding: line[min(index, end)..<end].filter { $0 >= 0x20 && $0 != 0x7F }, as: UTF8.self)
        index = end
        return text.count > 300 ? String(text.prefix(300)) + "…" : text
    }

    /// A `.protocolViolation` quoting the current line (at most 200 characters).
    func violation(_ detail: String) -> IMAPError {
        let quoted = String(decoding: line[0..<end].prefix(200).filter { $0 >= 0x20 && $0 != 0x7F }, as: UTF8.self)
        return .protocolViolation(host: transport.host, port: transport.port, detail: "\(detail): '\(quoted)'")
    }
}
