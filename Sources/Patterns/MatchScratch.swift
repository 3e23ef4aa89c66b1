import CPCRE2

/// The working memory of one match: PCRE2 match data (where the offsets of
/// a match are written), a match context carrying the ``MatchLimits``, and,
/// for JIT code, a bounded JIT stack. All three are freed in `deinit`.
///
/// PCRE2 forbids two threads from using the same match data or JIT stack at
/// once. `@unchecked Sendable` is sound only because a scratch is reached
/// solely through ``ScratchPool``, which hands each one to a single caller at
/// a time and takes it back after the match; the object moves between
/// threads but is never used by two of them concurrently.
final class MatchScratch: @unchecked Sendable {
    /// Kept alive so the match data never outlives the code it was sized for.
    let code: CompiledCode
    let matchData: OpaquePointer
    let context: OpaquePointer
    private let jitStack: OpaquePointer?
    /// PCRE2's offset vector inside `matchData`: start and end of each group.
    let offsets: UnsafeMutablePointer<Int>
    /// How many (start, end) pairs `offsets` holds.
    let offsetPairCount: Int

    /// The JIT stack starts at PCRE2's default size and grows on demand.
    private static let jitStackStartBytes = 32 * 1024

    /// Allocates match data, context and JIT stack for `code` under `limits`.
    ///
    /// - Throws: ``PatternError/matchFailed(pattern:code:message:)`` when PCRE2
    ///   cannot allocate them.
    init(code: CompiledCode, limits: MatchLimits) throws(PatternError) {
        let outOfMemory = PatternError.matchFailed(
            pattern: code.source, code: Int(PCRE2_ERROR_NOMEMORY),
            message: pcre2Message(for: Int32(PCRE2_ERROR_NOMEMORY)))
        guard let matchData = pcre2_match_data_create_from_pattern_8(code.pointer, nil) else {
            throw outOfMemory
        }
        guard let offsets = pcre2_get_ovector_pointer_8(matchData),
            let context = pcre2_match_context_create_8(nil)
        else {
            pcre2_match_data_free_8(matchData)
            throw outOfMemory
        }
        pcre2_set_match_limit_8(context, limits.matchLimit)
        pcre2_set_depth_limit_8(context, limits.depthLimit)
        pcre2_set_heap_limit_8(context, limits.heapLimitKiB)
        var jitStack: OpaquePointer?
        if code.isJITCompiled {
            // Without an assigned stack JIT code would use 32 KiB of the
            // calling thread's own stack; a separate one lets the limit be
            // chosen and keeps deep matches off the thread's stack.
            let maximum = max(Int(limits.jitStackLimitKiB) * 1024, Self.jitStackStartBytes)
            guard let stack = pcre2_jit_stack_create_8(Self.jitStackStartBytes, maximum, nil) else {
                pcre2_match_context_free_8(context)
                pcre2_match_data_free_8(matchData)
                throw outOfMemory
            }
            pcre2_jit_stack_assign_8(context, nil, UnsafeMutableRawPointer(stack))
            jitStack = stack
        }
        self.code = code
        self.matchData = matchData
        self.context = context
        self.jitStack = jitStack
        self.offsets = offsets
        self.offsetPairCount = Int(pcre2_get_ovector_count_8(matchData))
    }

    deinit {
        pcre2_match_data_free_8(matchData)
        pcre2_match_context_free_8(context)
        if let jitStack { pcre2_jit_stack_free_8(jitStack) }
    }
}
