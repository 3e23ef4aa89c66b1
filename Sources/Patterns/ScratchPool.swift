import Synchronization

/// Reuses ``MatchScratch`` objects across matches of one pattern, so a match
/// costs two uncontended lock operations instead of several allocations
/// (and, with JIT, an `mmap` for the stack).
///
/// Each scratch is handed to exactly one caller at a time, which is what
/// makes matching from many threads on one shared ``Pattern`` safe.
final class ScratchPool: Sendable {
    private let code: CompiledCode
    private let limits: MatchLimits
    private let idle = Mutex<[MatchScratch]>([])

    /// More idle scratches than this are freed rather than kept: enough for
    /// the threads of a busy process, without hoarding memory after a burst.
    static let maximumIdleCount = 16

    /// A pool for matches of `code` under `limits`; it starts empty.
    init(code: CompiledCode, limits: MatchLimits) {
        self.code = code
        self.limits = limits
    }

    /// A scratch for the caller's exclusive use until it is given back with
    /// ``checkIn(_:)`` (or dropped, which frees it).
    ///
    /// - Throws: ``PatternError/matchFailed(pattern:code:message:)`` when a new
    ///   scratch cannot be allocated.
    func checkOut() throws(PatternError) -> MatchScratch {
        if let scratch = idle.withLock({ $0.popLast() }) {
            return scratch
        }
        return try MatchScratch(code: code, limits: limits)
    }

    /// Returns a scratch after a finished match. The caller must not use it again.
    func checkIn(_ scratch: MatchScratch) {
        idle.withLock { scratches in
            if scratches.count < Self.maximumIdleCount {
                scratches.append(scratch)
            }
        }
    }
}
