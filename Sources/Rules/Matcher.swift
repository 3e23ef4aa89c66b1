import Patterns

/// How a condition compares text: a PCRE2 pattern compiled once when the
/// rules are loaded, or a literal comparison, optionally caseless.
public struct Matcher: Sendable {
    /// The comparison and its operand.
    public enum Kind: Sendable {
        /// A PCRE2 pattern; matching is bounded by its match limits.
        case regex(Pattern)
        /// The whole text equals the operand.
        case equals(String)
        /// The operand occurs somewhere in the text.
        case contains(String)
        /// The text begins with the operand.
        case startsWith(String)
        /// The text ends with the operand.
        case endsWith(String)
    }

    /// The comparison.
    public let kind: Kind
    /// For literal matchers: compare after Unicode simple case folding.
    public let caseless: Bool
    /// The literal operand, already folded when `caseless`, as UTF-8.
    private let operand: [UInt8]

    /// A matcher of the given kind.
    public init(_ kind: Kind, caseless: Bool = false) {
        self.kind = kind
        self.caseless = caseless
        switch kind {
        case .regex: operand = []
        case .equals(let text), .contains(let text), .startsWith(let text), .endsWith(let text):
            operand = Array((caseless ? CaseFolding.fold(text) : text).utf8)
        }
    }

    /// The attribute this matcher was written with (`regex`, `equals`, ...).
    public var attributeName: String {
        switch kind {
        case .regex: "regex"
        case .equals: "equals"
        case .contains: "contains"
        case .startsWith: "starts-with"
        case .endsWith: "ends-with"
        }
    }

    /// The pattern, for regex matchers.
    public var pattern: Pattern? {
        if case .regex(let pattern) = kind { return pattern }
        return nil
    }

    /// Matches `text`. Regex matchers give the match, for captures; literal
    /// matchers give an empty capture list.
    ///
    /// - Throws: ``PatternError/matchLimitExceeded(pattern:limit:)`` when the
    ///   pattern gives up on this text, or another ``PatternError`` from PCRE2.
    public func match(_ text: String) throws(PatternError) -> MatchedText? {
        if case .regex(let pattern) = kind {
            return try pattern.firstMatch(in: text).map(MatchedText.init)
        }
        return literalMatches(text) ? MatchedText(nil) : nil
    }

    /// Whether `text` matches: ``match(_:)`` without building the match.
    ///
    /// - Throws: as ``match(_:)``.
    public func matches(_ text: String) throws(PatternError) -> Bool {
        if case .regex(let pattern) = kind {
            return try pattern.matches(text)
        }
        return literalMatches(text)
    }

    private func literalMatches(_ text: String) -> Bool {
        var subject = text
        // Caseless ASCII text folds by lower-casing each byte as it is compared;
        // other text is folded into a copy first.
        let direct: Bool? = subject.withUTF8 { bytes in
            if !caseless { return literalMatches(bytes, lowering: false) }
            return bytes.allSatisfy({ $0 < 0x80 }) ? literalMatches(bytes, lowering: true) : nil
        }
        if let direct { return direct }
        var folded = CaseFolding.fold(text)
        return folded.withUTF8 { literalMatches($0, lowering: false) }
    }

    private func literalMatches(_ subject: UnsafeBufferPointer<UInt8>, lowering: Bool) -> Bool {
        operand.withUnsafeBufferPointer { operand in
            func equal(at start: Int) -> Bool {
                for index in operand.indices {
                    let byte = subject[start + index]
                    let folded = lowering && byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
                    if folded != operand[index] { return false }
                }
                return true
            }
            switch kind {
            case .regex: return false
            case .equals: return subject.count == operand.count && equal(at: 0)
            case .startsWith: return subject.count >= operand.count && equal(at: 0)
            case .endsWith: return subject.count >= operand.count && equal(at: subject.count - operand.count)
            case .contains:
                guard subject.count >= operand.count else { return false }
                for start in 0...(subject.count - operand.count) where equal(at: start) { return true }
                return false
            }
        }
    }
}
