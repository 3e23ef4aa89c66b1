import Patterns

/// The text a rule's regex conditions captured, for `${1}` and `${name}` in its values.
///
/// Numbered groups come from the last regex condition that matched; named
/// groups from any regex condition that matched (a later one wins a name).
public struct Captures: Sendable, Hashable {
    /// Groups of the last match, index 0 being the whole match; nil for a group that did not take part.
    public private(set) var numbered: [String?] = []
    /// Named groups of every match.
    public private(set) var named: [String: String] = [:]

    /// No captures.
    public init() {}

    /// Records a regex match.
    public mutating func record(_ match: PatternMatch) {
        numbered = (0...match.captureCount).map { match[$0] }
        for name in match.captureNames {
            if let text = match[name] { named[name] = text }
        }
    }

    /// Records captures of a sub-condition that held.
    public mutating func merge(_ other: Captures) {
        if !other.numbered.isEmpty { numbered = other.numbered }
        named.merge(other.named) { _, new in new }
    }

    /// Group `number`, empty when it did not take part or does not exist.
    public func group(_ number: Int) -> String {
        numbered.indices.contains(number) ? numbered[number] ?? "" : ""
    }

    /// Whether nothing was captured.
    public var isEmpty: Bool { numbered.isEmpty && named.isEmpty }
}
