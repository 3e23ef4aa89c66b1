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
        let subject = caseless ? CaseFolding.fold(text) : text
        // Native strings are contiguous UTF-8, so the usual path copies nothing.
        let matched =
            subject.utf8.withContiguousStorageIfAvailable(literalMatches)
            ?? Array(subject.utf8).withUnsafeBufferPointer(literalMatches)
        return matched ? MatchedText(nil) : nil
    }

    private func literalMatches(_ subject: UnsafeBufferPointer<UInt8>) -> Bool {
        switch kind {
        case .regex: return false
        case .equals: return subject.elementsEqual(operand)
        case .startsWith: return subject.starts(with: operand)
        case .endsWith: return subject.count >= operand.count && subject.suffix(operand.count).elementsEqual(operand)
        case .contains: return Self.find(operand, in: subject)
        }
    }

    private static func find(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first else { return true }
        guard haystack.count >= needle.count else { return false }
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first && UnsafeBufferPointer(rebasing: haystack[index..<(index + needle.count)]).elementsEqual(needle) {
                return true
            }
            index += 1
        }
        return false
    }
}
