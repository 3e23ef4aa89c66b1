import CPCRE2

extension Pattern {
    /// Every non-overlapping match in `text`, left to right. Empty matches
    /// are included, but never two at the same place.
    ///
    /// - Throws: the first ``PatternError`` any single match raises; each
    ///   match is bounded by ``limits`` on its own.
    public func allMatches(in text: String) throws(PatternError) -> [PatternMatch] {
        try allMatches(in: text.utf8)
    }

    /// Every non-overlapping match in `text`; see ``allMatches(in:)-(String)``.
    public func allMatches(in text: Substring) throws(PatternError) -> [PatternMatch] {
        try allMatches(in: text.utf8)
    }

    /// Every non-overlapping match in `bytes`, with offsets counted from the
    /// collection's first byte; see ``allMatches(in:)-(String)``.
    @inlinable
    public func allMatches(in bytes: some Collection<UInt8>) throws(PatternError) -> [PatternMatch] {
        try withContiguousSubject(bytes, contiguousAllMatches).get()
    }

    /// ``allMatches(in:)-(String)`` over bytes already in contiguous memory.
    @usableFromInline
    func contiguousAllMatches(_ subject: UnsafeBufferPointer<UInt8>) -> Result<[PatternMatch], PatternError> {
        Result { () throws(PatternError) in
            try allMatches(in: subject)
        }
    }

    /// The search loop of PCRE2's own demo program: after an empty match,
    /// try once more at the same place for a non-empty one before moving on
    /// by a whole character (or a whole CRLF).
    private func allMatches(in subject: UnsafeBufferPointer<UInt8>) throws(PatternError) -> [PatternMatch] {
        let retryOptions = UInt32(PCRE2_NOTEMPTY_ATSTART) | UInt32(PCRE2_ANCHORED)
        var found: [PatternMatch] = []
        var start = 0
        var retryingAfterEmpty = false
        while start <= subject.count {
            let options = retryingAfterEmpty ? retryOptions : 0
            guard let next = try match(in: subject, from: start, matchOptions: options) else {
                guard retryingAfterEmpty else { break }
                retryingAfterEmpty = false
                start = Self.characterEnd(in: subject, from: start)
                continue
            }
            found.append(next)
            // The retry options forbid a second empty match here; should one
            // come anyway, stepping on still guarantees the loop ends.
            if next.range.isEmpty, retryingAfterEmpty {
                retryingAfterEmpty = false
                start = Self.characterEnd(in: subject, from: start)
                continue
            }
            start = max(next.range.upperBound, start)
            retryingAfterEmpty = next.range.isEmpty
        }
        return found
    }

    /// The offset just past the character (or CRLF pair) at `start`.
    /// UTF-8 continuation bytes after it are skipped with it, so a match never
    /// starts inside a character.
    private static func characterEnd(in subject: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        if start + 1 < subject.count, subject[start] == UInt8(ascii: "\r"), subject[start + 1] == UInt8(ascii: "\n") {
            return start + 2
        }
        var end = start + 1
        while end < subject.count, subject[end] & 0xC0 == 0x80 {
            end += 1
        }
        return end
    }
}
