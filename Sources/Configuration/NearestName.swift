/// Finds the known name closest to a misspelt one, for "did you mean" hints.
enum NearestName {
    /// Far longer than any option name.
    static let comparedLength = 64

    /// The name in `candidates` at the smallest edit distance from `name`
    /// (insertions, deletions and substitutions, ignoring case); the first in
    /// `candidates` order among equals. Nil only when `candidates` is empty.
    /// Only the first ``comparedLength`` characters of `name` count, which
    /// bounds the work for a name of any length.
    static func nearest(to name: String, in candidates: [String]) -> String? {
        let compared = String(name.lowercased().unicodeScalars.prefix(comparedLength))
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(compared, candidate.lowercased())
            if let found = best, found.distance <= distance { continue }
            best = (candidate, distance)
        }
        return best?.name
    }

    /// The Levenshtein distance between `a` and `b`, counted in Unicode scalars.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let left = Array(a.unicodeScalars), right = Array(b.unicodeScalars)
        if left.isEmpty { return right.count }
        var previous = Array(0...right.count)
        var current = previous
        for i in 1...left.count {
            current[0] = i
            for j in stride(from: 1, through: right.count, by: 1) {
                let substitution = previous[j - 1] + (left[i - 1] == right[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[right.count]
    }
}
