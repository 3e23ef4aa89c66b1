/// Sizes written in rule files: `5MB`, `100KB`, `5242880B` (units 1024-based).
public enum ByteSize {
    /// The number of bytes in `text`, a whole number followed by `B`, `KB` or
    /// `MB`; `defaultUnit` (a multiplier) when no unit is written and
    /// `defaultUnit` is given. Nil when the text is not such a size or overflows.
    public static func parse(_ text: String, defaultUnit: Int? = nil) -> Int? {
        let units: [(String, Int)] = [("KB", 1024), ("MB", 1024 * 1024), ("B", 1)]
        var digits = Substring(text)
        var multiplier = defaultUnit
        for (suffix, factor) in units where text.hasSuffix(suffix) {
            digits = text.dropLast(suffix.count)
            multiplier = factor
            break
        }
        guard let multiplier, !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
            let count = Int(digits)
        else { return nil }
        let (bytes, overflow) = count.multipliedReportingOverflow(by: multiplier)
        return overflow ? nil : bytes
    }
}
