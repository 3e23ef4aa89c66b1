import CPCRE2

/// A compiled PCRE2 regular expression, ready to match UTF-8 text or raw bytes.
///
/// Patterns are compiled in UTF mode and accept subjects containing invalid
/// UTF-8 (common in mail): invalid bytes simply never match a character.
/// CR, LF and CRLF all count as line ends for `^`, `$` and `.`, and `\C`
/// (a single byte) is refused so no match can end inside a character.
/// When PCRE2's JIT is available the pattern runs as machine code; otherwise,
/// or when JIT compilation fails, the interpreter runs it with the same results
/// (see ``isJITCompiled``). Every match is bounded by ``limits``.
///
/// A `Pattern` is `Sendable`: the compiled code is immutable once `init`
/// returns, and each match gets its own working memory from a pool, so any
/// number of threads may match with one shared pattern at the same time.
public final class Pattern: Sendable {
    /// The pattern text as given.
    public let source: String
    /// The flags the pattern was compiled with.
    public let options: PatternOptions
    /// The bounds applied to every match.
    public let limits: MatchLimits
    /// The number of capture groups, not counting group 0 (the whole match).
    public let captureCount: Int

    let code: CompiledCode
    let names: CaptureNameTable
    let scratchPool: ScratchPool

    /// Compiles `source`.
    ///
    /// - Parameters:
    ///   - options: flags such as case-insensitivity; see ``PatternOptions``.
    ///   - limits: bounds on each match's work; see ``MatchLimits``.
    ///   - jit: pass `false` to always use PCRE2's interpreter.
    /// - Throws: ``PatternError/compile(pattern:offset:message:)`` with PCRE2's
    ///   message and the byte offset in `source` where compilation failed.
    public convenience init(
        _ source: String, options: PatternOptions = [], limits: MatchLimits = .standard, jit: Bool = true
    ) throws(PatternError) {
        let code = try CompiledCode(source: source, options: options, jit: jit)
        self.init(sharing: code, source: source, options: options, limits: limits)
    }

    /// A pattern for code that is already compiled.
    init(sharing code: CompiledCode, source: String, options: PatternOptions, limits: MatchLimits) {
        self.source = source
        self.options = options
        self.limits = limits
        self.code = code
        self.captureCount = code.captureCount
        self.names = code.captureNames
        self.scratchPool = ScratchPool(code: code, limits: limits)
    }

    /// Whether matches run as JIT-compiled machine code rather than in the
    /// interpreter. False when JIT was turned off, is unavailable in this
    /// PCRE2 build, or could not compile this pattern.
    public var isJITCompiled: Bool {
        code.isJITCompiled
    }

    /// The names of the pattern's named groups, each once, in the order of
    /// the groups' numbers.
    public var captureNames: [String] {
        names.names
    }

    /// Whether the PCRE2 library in use was built with JIT support.
    public static var isJITAvailable: Bool {
        var available: UInt32 = 0
        return pcre2_config_8(UInt32(PCRE2_CONFIG_JIT), &available) >= 0 && available == 1
    }
}
