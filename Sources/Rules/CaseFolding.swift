/// Caseless comparison for literal matchers without Foundation.
enum CaseFolding {
    /// `text` with each scalar replaced by its lower-case mapping, which for
    /// the scripts found in mail equals Unicode simple case folding; ASCII
    /// takes a fast path because most header text is ASCII.
    static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: text.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
        }
        var folded = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.properties.changesWhenCaseFolded {
                folded.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else {
                folded.append(scalar)
            }
        }
        return String(folded)
    }
}
