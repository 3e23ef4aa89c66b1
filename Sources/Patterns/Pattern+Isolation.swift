extension Pattern {
    /// A pattern with the same compiled code and its own pool of match
    /// scratch, for one thread to use alone: two threads matching with their
    /// own copies never take the same lock or touch the same reference
    /// counts. The compiled code itself is shared; it is only read.
    public func isolatedCopy() -> Pattern {
        let source = String(decoding: Array(self.source.utf8), as: UTF8.self)
        return Pattern(sharing: code, source: source, options: options, limits: limits)
    }
}
