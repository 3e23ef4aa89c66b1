extension Pattern {
    /// Whether the pattern matches anywhere in `text`.
    ///
    /// This is the fast path for rules that only need a yes or no: it builds
    /// no ``PatternMatch`` and allocates nothing per call once the pattern
    /// has warmed up.
    ///
    /// - Throws: ``PatternError/matchLimitExceeded(pattern:limit:)`` when the
    ///   match needs more work than ``limits`` allow, or
    ///   ``PatternError/matchFailed(pattern:code:message:)`` for other PCRE2 failures.
    public func matches(_ text: String) throws(PatternError) -> Bool {
        try matches(text.utf8)
    }

    /// Whether the pattern matches anywhere in `text`; see ``matches(_:)-(String)``.
    public func matches(_ text: Substring) throws(PatternError) -> Bool {
        try matches(text.utf8)
    }

    /// Whether the pattern matches anywhere in `bytes`, which are read as
    /// UTF-8 that may contain invalid sequences; see ``matches(_:)-(String)``.
    @inlinable
    public func matches(_ bytes: some Collection<UInt8>) throws(PatternError) -> Bool {
        try withContiguousSubject(bytes, contiguousMatches).get()
    }

    /// The leftmost match in `text`, or nil if there is none.
    /// Offsets in the match count UTF-8 bytes from the start of `text`.
    ///
    /// - Throws: ``PatternError/matchLimitExceeded(pattern:limit:)`` when the
    ///   match needs more work than ``limits`` allow, or
    ///   ``PatternError/matchFailed(pattern:code:message:)`` for other PCRE2 failures.
    public func firstMatch(in text: String) throws(PatternError) -> PatternMatch? {
        try firstMatch(in: text.utf8)
    }

    /// The leftmost match in `text`; offsets count UTF-8 bytes from the start
    /// of the substring. See ``firstMatch(in:)-(String)``.
    public func firstMatch(in text: Substring) throws(PatternError) -> PatternMatch? {
        try firstMatch(in: text.utf8)
    }

    /// The leftmost match in `bytes`, read as UTF-8 that may contain invalid
    /// sequences; offsets count from the first byte of the collection (not
    /// its `startIndex`). See ``firstMatch(in:)-(String)``.
    @inlinable
    public func firstMatch(in bytes: some Collection<UInt8>) throws(PatternError) -> PatternMatch? {
        try withContiguousSubject(bytes, contiguousFirstMatch).get()
    }

    /// ``matches(_:)-(String)`` over bytes already in contiguous memory.
    @usableFromInline
    func contiguousMatches(_ subject: UnsafeBufferPointer<UInt8>) -> Result<Bool, PatternError> {
        Result { () throws(PatternError) in
            try search(subject, from: 0) { _ in () } != nil
        }
    }

    /// ``firstMatch(in:)-(String)`` over bytes already in contiguous memory.
    @usableFromInline
    func contiguousFirstMatch(_ subject: UnsafeBufferPointer<UInt8>) -> Result<PatternMatch?, PatternError> {
        Result { () throws(PatternError) in
            try match(in: subject, from: 0)
        }
    }

    /// The leftmost match at or after byte `start`, as a ``PatternMatch``.
    func match(
        in subject: UnsafeBufferPointer<UInt8>, from start: Int, matchOptions: UInt32 = 0
    ) throws(PatternError) -> PatternMatch? {
        try search(subject, from: start, matchOptions: matchOptions) { offsets in
            PatternMatch(offsets: offsets, subject: subject, captureCount: captureCount, names: names)
        }
    }
}
