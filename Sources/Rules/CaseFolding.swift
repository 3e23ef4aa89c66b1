/// Caseless comparison for literal matchers without Foundation.
enum CaseFolding {
    /// `text` with Unicode simple case folding applied, scalar by scalar.
    ///
    /// The standard library has no case-folding table, so a scalar's fold is
    /// taken as its lower-case mapping when that is one scalar, else the
    /// lower case of its one-scalar upper-case mapping (final sigma and long s
    /// fold like this), else the scalar itself: simple folding never turns
    /// one scalar into several (`ß` stays `ß`). ASCII, most header text,
    /// takes a fast path.
    static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: text.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
        }
        var folded = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            folded.append(scalar.properties.changesWhenCaseFolded ? fold(scalar) : scalar)
        }
        return String(folded)
    }

    private static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if let lower = single(scalar.properties.lowercaseMapping), lower != scalar { return lower }
        if let upper = single(scalar.properties.uppercaseMapping), upper != scalar,
            let lower = single(upper.properties.lowercaseMapping)
        {
            return lower
        }
        return scalar
    }

    private static func single(_ mapping: String) -> Unicode.Scalar? {
        var scalars = mapping.unicodeScalars.makeIterator()
        guard let first = scalars.next(), scalars.next() == nil else { return nil }
        return first
    }
}
