/// The byte-stuffing of multi-line replies (RFC 1939 section 3): a line that
/// starts with "." is sent with one more "." in front, and a line holding only
/// "." ends the reply.
enum DotStuffing {
    /// What the line last appended to a buffer turned out to be.
    enum Line: Equatable {
        /// A line of content, now unstuffed.
        case content
        /// The terminating "." line, now removed from the buffer.
        case terminator
    }

    /// Undoes stuffing on the line that occupies `buffer[lineStart...]`
    /// (including its CRLF or LF), in place: drops the terminator line, or the
    /// first "." of a stuffed line. Moves at most one line's bytes.
    static func settle(_ buffer: inout [UInt8], lineStart: Int) -> Line {
        guard lineStart < buffer.count, buffer[lineStart] == dot else { return .content }
        let rest = buffer.count - lineStart
        let isTerminator = (rest == 3 && buffer[lineStart + 1] == cr && buffer[lineStart + 2] == lf)
            || (rest == 2 && buffer[lineStart + 1] == lf)
        if isTerminator {
            buffer.removeSubrange(lineStart...)
            return .terminator
        }
        buffer.remove(at: lineStart)
        return .content
    }

    private static let dot = UInt8(ascii: ".")
    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")
}
