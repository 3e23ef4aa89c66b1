import CPCRE2

extension Pattern {
    /// Runs one `pcre2_match` over `subject` from byte `start`.
    ///
    /// Returns nil when there is no match, otherwise what `onMatch` makes of
    /// the offset vector (start and end of each set group, `PCRE2_UNSET` for
    /// unset ones). That buffer belongs to a pooled scratch and is valid only
    /// during the call.
    func search<Found>(
        _ subject: UnsafeBufferPointer<UInt8>, from start: Int, matchOptions: UInt32 = 0,
        _ onMatch: (_ offsets: UnsafeBufferPointer<Int>) -> Found
    ) throws(PatternError) -> Found? {
        // PCRE2 before 10.43 rejects a NULL subject even when it is empty; callers go
        // through `withContiguousSubject`, which always supplies an address.
        guard let base = subject.baseAddress, start >= 0, start <= subject.count else { return nil }
        let scratch = try scratchPool.checkOut()
        let status = pcre2_match_8(
            code.pointer, base, subject.count, start, matchOptions, scratch.matchData, scratch.context)
        guard status >= 0 else {
            if status == PCRE2_ERROR_NOMATCH {
                scratchPool.checkIn(scratch)
                return nil
            }
            // Not returned to the pool: after a limit error the interpreter's
            // backtracking memory may have grown to the heap limit.
            throw matchError(status: status)
        }
        // A status of 0 would mean the offset vector was too small; it is sized
        // from the pattern, but if it happens every pair is still valid.
        let pairCount = status == 0 ? scratch.offsetPairCount : min(Int(status), scratch.offsetPairCount)
        let found = onMatch(UnsafeBufferPointer(start: scratch.offsets, count: pairCount * 2))
        scratchPool.checkIn(scratch)
        return found
    }

    /// The typed error for a negative `pcre2_match` status other than "no match".
    func matchError(status: Int32) -> PatternError {
        switch status {
        case PCRE2_ERROR_MATCHLIMIT: .matchLimitExceeded(pattern: source, limit: .match)
        case PCRE2_ERROR_DEPTHLIMIT: .matchLimitExceeded(pattern: source, limit: .depth)
        case PCRE2_ERROR_HEAPLIMIT: .matchLimitExceeded(pattern: source, limit: .heap)
        case PCRE2_ERROR_JIT_STACKLIMIT: .matchLimitExceeded(pattern: source, limit: .jitStack)
        default: .matchFailed(pattern: source, code: Int(status), message: pcre2Message(for: status))
        }
    }
}

/// Calls `body` with `bytes` as one contiguous buffer that always has an
/// address, even when empty. Strings, substrings and arrays are passed
/// without copying; other collections are copied once.
///
/// Inlinable so that callers in other modules get it specialized for their
/// collection type: unspecialized, the generic path costs more than the match.
@inlinable
func withContiguousSubject<Bytes: Collection<UInt8>, Found>(
    _ bytes: Bytes, _ body: (UnsafeBufferPointer<UInt8>) -> Found
) -> Found {
    let direct = bytes.withContiguousStorageIfAvailable { buffer in
        buffer.baseAddress == nil ? nil : body(buffer)
    }
    if case let .some(.some(found)) = direct {
        return found
    }
    // The extra byte gives an empty copy an address; it is not part of the subject.
    let copy = Array(bytes) + [0]
    return copy.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0.dropLast())) }
}
