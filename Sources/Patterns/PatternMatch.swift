/// One match of a ``Pattern``: where the whole match and each capture group
/// lie in the subject, with their bytes and text.
///
/// Offsets count bytes from the start of the subject that was searched.
/// Group 0 is the whole match; groups 1... are the pattern's capture groups.
/// Lookups of a group that did not take part in the match, of a number
/// beyond ``captureCount`` or of an unknown name give nil, never a crash.
///
/// A match owns a copy of only the bytes its groups cover, so it stays
/// valid, and cheap to keep, after the subject is gone.
public struct PatternMatch: Hashable, Sendable {
    /// The byte range of the whole match (group 0).
    public let range: Range<Int>
    /// The byte range of every group, indexed by group number (index 0 is
    /// the whole match); nil for groups that did not take part.
    public let groupRanges: [Range<Int>?]
    private let names: CaptureNameTable
    /// The subject's bytes from the first to the last byte any group covers.
    private let span: [UInt8]
    /// Where `span` starts in the subject.
    private let spanStart: Int

    /// Reads PCRE2's offset vector (`offsets`, pairs of start and end, with
    /// `PCRE2_UNSET` for unset groups) for a pattern with `captureCount` groups.
    init(offsets: UnsafeBufferPointer<Int>, subject: UnsafeBufferPointer<UInt8>, captureCount: Int, names: CaptureNameTable) {
        let groupRanges = (0...max(captureCount, 0)).map { group -> Range<Int>? in
            guard 2 * group + 1 < offsets.count else { return nil }
            let start = offsets[2 * group], end = offsets[2 * group + 1]
            // PCRE2_UNSET reads as -1 through Swift's `Int` for `size_t`; any
            // pair that is not a valid range of the subject counts as unset.
            guard start >= 0, start <= end, end <= subject.count else { return nil }
            return start..<end
        }
        let range = groupRanges[0] ?? 0..<0
        let setRanges = groupRanges.compactMap { $0 }
        let spanStart = setRanges.map(\.lowerBound).min() ?? range.lowerBound
        let spanEnd = setRanges.map(\.upperBound).max() ?? range.upperBound
        self.range = range
        self.groupRanges = groupRanges
        self.names = names
        self.span = Array(subject[spanStart..<spanEnd])
        self.spanStart = spanStart
    }

    /// The number of capture groups in the pattern, not counting group 0.
    public var captureCount: Int {
        groupRanges.count - 1
    }

    /// The pattern's group names, in the order of the groups' numbers.
    public var captureNames: [String] {
        names.names
    }

    /// The bytes of the whole match.
    public var bytes: ArraySlice<UInt8> {
        bytes(0) ?? []
    }

    /// The whole match as text; invalid UTF-8 becomes U+FFFD.
    public var text: String {
        self[0] ?? ""
    }

    /// The byte range of group `group`, or nil if it is unset or does not exist.
    public func range(_ group: Int) -> Range<Int>? {
        guard groupRanges.indices.contains(group) else { return nil }
        return groupRanges[group]
    }

    /// The byte range of the group called `name`. When several groups share
    /// the name (`(?J)`), the first of them that is set.
    public func range(named name: String) -> Range<Int>? {
        names.groupsByName[name]?.lazy.compactMap { self.range($0) }.first
    }

    /// The bytes of group `group`, or nil if it is unset or does not exist.
    public func bytes(_ group: Int) -> ArraySlice<UInt8>? {
        range(group).map(spanSlice)
    }

    /// The bytes of the group called `name`, or nil; see ``range(named:)``.
    public func bytes(named name: String) -> ArraySlice<UInt8>? {
        range(named: name).map(spanSlice)
    }

    /// The text of group `group`, or nil if it is unset or does not exist.
    /// Invalid UTF-8 in the subject becomes U+FFFD.
    public subscript(_ group: Int) -> String? {
        bytes(group).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The text of the group called `name`, or nil; see ``range(named:)``.
    /// Invalid UTF-8 in the subject becomes U+FFFD.
    public subscript(_ name: String) -> String? {
        bytes(named: name).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The part of `span` holding a subject range that some group covers.
    private func spanSlice(_ range: Range<Int>) -> ArraySlice<UInt8> {
        span[(range.lowerBound - spanStart)..<(range.upperBound - spanStart)]
    }
}
