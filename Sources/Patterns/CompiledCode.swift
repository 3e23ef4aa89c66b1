import CPCRE2

/// Owns one compiled PCRE2 pattern (`pcre2_code`) and frees it.
///
/// `@unchecked Sendable` holds because PCRE2 only writes to the code during
/// `pcre2_compile` and `pcre2_jit_compile`, both of which finish inside
/// `init`; afterwards `pcre2_match` and `pcre2_pattern_info` only read it,
/// and PCRE2 documents compiled code as shareable between matching threads.
final class CompiledCode: @unchecked Sendable {
    /// The compiled pattern; valid for the lifetime of this object.
    let pointer: OpaquePointer
    /// The pattern text, for error messages.
    let source: String
    /// Whether `pcre2_jit_compile` succeeded, so matches run as machine code.
    let isJITCompiled: Bool

    /// Compiles `source` for UTF-8 subjects that may contain invalid bytes,
    /// with CR, LF and CRLF all ending lines and `\C` forbidden, then tries JIT compilation when
    /// `jit` is true. A failed JIT compilation is not an error: the
    /// interpreter runs the same code.
    ///
    /// - Throws: ``PatternError/compile(pattern:offset:message:)``.
    init(source: String, options: PatternOptions, jit: Bool) throws(PatternError) {
        // `\C` (one byte, even inside a character) is refused: it is the one
        // item that could end a match in the middle of a UTF-8 sequence.
        let compileOptions = UInt32(PCRE2_UTF) | UInt32(PCRE2_MATCH_INVALID_UTF)
            | UInt32(PCRE2_NEVER_BACKSLASH_C) | options.compileOptions
        var errorCode: Int32 = 0
        var errorOffset = 0
        // The terminator keeps the buffer non-empty, so it always has an
        // address even for the empty pattern; the length excludes it.
        let bytes = Array(source.utf8) + [0]
        let compiled = bytes.withUnsafeBufferPointer { buffer -> OpaquePointer? in
            guard let context = pcre2_compile_context_create_8(nil) else {
                errorCode = Int32(PCRE2_ERROR_NOMEMORY)
                return nil
            }
            defer { pcre2_compile_context_free_8(context) }
            // Mail lines end in CRLF: `$` must match before the CR and `.`
            // must not swallow it.
            pcre2_set_newline_8(context, UInt32(PCRE2_NEWLINE_ANYCRLF))
            return pcre2_compile_8(
                buffer.baseAddress, buffer.count - 1, compileOptions, &errorCode, &errorOffset, context)
        }
        guard let compiled else {
            throw .compile(pattern: source, offset: errorOffset, message: pcre2Message(for: errorCode))
        }
        self.pointer = compiled
        self.source = source
        // `pcre2_jit_compile` also reports success when it skips a pattern
        // that starts with `(*NO_JIT)`; only machine code of non-zero size
        // shows that JIT really took over.
        self.isJITCompiled = jit && Pattern.isJITAvailable
            && pcre2_jit_compile_8(compiled, UInt32(PCRE2_JIT_COMPLETE)) == 0
            && Self.info(PCRE2_INFO_JITSIZE, of: compiled, default: 0 as Int) > 0
    }

    deinit {
        pcre2_code_free_8(pointer)
    }

    /// The number of capture groups, not counting group 0.
    var captureCount: Int {
        Int(info(PCRE2_INFO_CAPTURECOUNT, default: UInt32(0)))
    }

    /// The named groups, from PCRE2's name table.
    var captureNames: CaptureNameTable {
        let count = Int(info(PCRE2_INFO_NAMECOUNT, default: UInt32(0)))
        let entrySize = Int(info(PCRE2_INFO_NAMEENTRYSIZE, default: UInt32(0)))
        let table = info(PCRE2_INFO_NAMETABLE, default: UnsafePointer<UInt8>?.none)
        guard count > 0, entrySize > 2, let table else { return .empty }
        // Each entry is a big-endian group number followed by the
        // NUL-terminated name, padded to `entrySize` bytes.
        let entries = (0..<count).map { index -> (group: Int, name: String) in
            let entry = table + index * entrySize
            return (Int(entry[0]) << 8 | Int(entry[1]), String(cString: entry + 2))
        }
        return CaptureNameTable(entries: entries)
    }

    /// One `pcre2_pattern_info` answer about this pattern, or `fallback` if PCRE2 refuses.
    private func info<Value: BitwiseCopyable>(_ what: Int32, default fallback: Value) -> Value {
        Self.info(what, of: pointer, default: fallback)
    }

    /// One `pcre2_pattern_info` answer about `code`, or `fallback` if PCRE2
    /// refuses. `Value` must be the C type PCRE2 documents for `what`.
    private static func info<Value: BitwiseCopyable>(
        _ what: Int32, of code: OpaquePointer, default fallback: Value
    ) -> Value {
        var value = fallback
        let status = pcre2_pattern_info_8(code, UInt32(what), &value)
        return status == 0 ? value : fallback
    }
}
