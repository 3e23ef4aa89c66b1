/// The first two words of a LIST or UIDL line, found in the bytes as
/// received: words are separated by spaces and tabs, and the line end (any
/// trailing CR and LF) is not part of the last one.
struct ListingWords {
    let line: [UInt8]
    /// Where the first word lies in `line`.
    let first: Range<Int>
    /// Where the second word lies, if there is one.
    let second: Range<Int>?

    /// Nil for a line without any word.
    init?(_ line: [UInt8]) {
        var end = line.count
        while end > 0, line[end - 1] == Self.lf || line[end - 1] == Self.cr { end -= 1 }
        var words: (Range<Int>?, Range<Int>?) = (nil, nil)
        var index = 0
        while words.1 == nil && index < end {
            while index < end && Self.separates(line[index]) { index += 1 }
            let start = index
            while index < end && !Self.separates(line[index]) { index += 1 }
            guard index > start else { break }
            if words.0 == nil { words.0 = start..<index } else { words.1 = start..<index }
        }
        guard let first = words.0 else { return nil }
        self.line = line
        self.first = first
        self.second = words.1
    }

    /// The word as text; invalid UTF-8 becomes U+FFFD.
    func text(_ word: Range<Int>) -> String {
        String(decoding: line[word], as: UTF8.self)
    }

    /// The word as a number, read as `Int(_:)` reads text (a sign is
    /// allowed); nil when it is not one or does not fit.
    func number(_ word: Range<Int>) -> Int? {
        // Plain digits, the usual case, without making a string.
        if word.count <= 18 {
            var value = 0
            var plain = true
            for byte in line[word] {
                guard byte >= Self.zero && byte <= Self.nine else {
                    plain = false
                    break
                }
                value = value * 10 + Int(byte - Self.zero)
            }
            if plain { return value }
        }
        return Int(text(word))
    }

    private static func separates(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")
    private static let zero = UInt8(ascii: "0")
    private static let nine = UInt8(ascii: "9")
}
