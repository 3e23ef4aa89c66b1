import CPCRE2

/// The flags a rule can put on a pattern, written in rule files as letters
/// (`"imsx"`, see ``init(flags:)``).
///
/// Patterns are always compiled for UTF-8 subjects that may hold invalid
/// bytes; these options only change how the pattern reads.
public struct PatternOptions: OptionSet, Hashable, Sendable {
    /// One bit per option; the bits are mailroute's own, not PCRE2's.
    public let rawValue: UInt8

    /// Creates options from their raw bits (one per static member).
    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// `i`: letters match regardless of case, including non-ASCII letters.
    public static let caseInsensitive = PatternOptions(rawValue: 1 << 0)
    /// `m`: `^` and `$` match at the start and end of every line.
    public static let multiline = PatternOptions(rawValue: 1 << 1)
    /// `s`: `.` also matches line breaks.
    public static let dotAll = PatternOptions(rawValue: 1 << 2)
    /// `x`: whitespace in the pattern is ignored and `#` starts a comment.
    public static let extended = PatternOptions(rawValue: 1 << 3)
    /// `u`: `\w`, `\d`, `\b`, POSIX classes and so on use Unicode properties
    /// instead of ASCII only.
    public static let unicodeProperties = PatternOptions(rawValue: 1 << 4)

    /// Each option with its flag letter, in the order flags are written.
    static let letters: [(Character, PatternOptions)] = [
        ("i", .caseInsensitive), ("m", .multiline), ("s", .dotAll), ("x", .extended), ("u", .unicodeProperties),
    ]

    /// Parses a flag string such as `"imsx"`. Letters may come in any order
    /// and repeat; the empty string means no options.
    ///
    /// - Throws: ``PatternError/unknownFlag(_:flags:)`` naming the first
    ///   character that is not a known flag letter (case matters: `"I"` is unknown).
    public init(flags: String) throws(PatternError) {
        self = []
        for character in flags {
            guard let option = Self.letters.first(where: { $0.0 == character })?.1 else {
                throw .unknownFlag(character, flags: flags)
            }
            insert(option)
        }
    }

    /// The flag string for these options, in canonical order (`"imsxu"`);
    /// ``init(flags:)`` reads it back to the same options.
    public var flags: String {
        String(Self.letters.filter { contains($0.1) }.map(\.0))
    }

    /// The PCRE2 compile options that carry these flags.
    var compileOptions: UInt32 {
        var bits: UInt32 = 0
        if contains(.caseInsensitive) { bits |= mailroute_pcre2_caseless() }
        if contains(.multiline) { bits |= UInt32(PCRE2_MULTILINE) }
        if contains(.dotAll) { bits |= UInt32(PCRE2_DOTALL) }
        if contains(.extended) { bits |= UInt32(PCRE2_EXTENDED) }
        if contains(.unicodeProperties) { bits |= UInt32(PCRE2_UCP) }
        return bits
    }
}
