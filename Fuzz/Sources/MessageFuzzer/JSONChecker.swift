/// A strict checker of one line of JSON (RFC 8259), for the output of
/// `InspectedMessage.jsonLine()`.
///
/// Written out rather than taken from Foundation so that it rejects what a
/// lenient parser would let through (raw control characters in strings,
/// invalid UTF-8, trailing bytes) and costs little per input.
struct JSONChecker {
    private let bytes: [UInt8]
    private var index = 0

    private init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Nil if `bytes` is exactly one JSON value, valid UTF-8, with no line break;
    /// otherwise what is wrong and where.
    static func problem(in bytes: [UInt8]) -> String? {
        guard String(validating: bytes, as: UTF8.self) != nil else { return "not valid UTF-8" }
        var checker = JSONChecker(bytes)
        do throws(Failure) {
            try checker.value(depth: 0)
            checker.skipWhitespace()
            guard checker.index == bytes.count else { throw Failure("bytes after the value", at: checker.index) }
        } catch {
            return "\(error.reason) at byte \(error.offset)"
        }
        return nil
    }

    private struct Failure: Error {
        let reason: String
        let offset: Int
        init(_ reason: String, at offset: Int) {
            self.reason = reason
            self.offset = offset
        }
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// Only spaces: a line break or tab would make the output more than one line or not canonical.
    private mutating func skipWhitespace() {
        while current == 0x20 { index += 1 }
    }

    private mutating func expect(_ byte: UInt8) throws(Failure) {
        guard current == byte else { throw Failure("expected \"\(Character(Unicode.Scalar(byte)))\"", at: index) }
        index += 1
    }

    private mutating func value(depth: Int) throws(Failure) {
        // The inspection nests three levels; far deeper means a runaway writer.
        guard depth < 32 else { throw Failure("nested too deep", at: index) }
        skipWhitespace()
        // 0 stands for the end of the input, where no value can start.
        switch current ?? 0 {
        case UInt8(ascii: "{"):
            index += 1
            skipWhitespace()
            if current == UInt8(ascii: "}") {
                index += 1
                return
            }
            while true {
                skipWhitespace()
                try string()
                skipWhitespace()
                try expect(UInt8(ascii: ":"))
                try value(depth: depth + 1)
                skipWhitespace()
                if current == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                try expect(UInt8(ascii: "}"))
                return
            }
        case UInt8(ascii: "["):
            index += 1
            skipWhitespace()
            if current == UInt8(ascii: "]") {
                index += 1
                return
            }
            while true {
                try value(depth: depth + 1)
                skipWhitespace()
                if current == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                try expect(UInt8(ascii: "]"))
                return
            }
        case UInt8(ascii: "\""):
            try string()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try number()
        default:
            for literal in ["null", "true", "false"] where bytes[index...].starts(with: literal.utf8) {
                index += literal.utf8.count
                return
            }
            throw Failure("no JSON value", at: index)
        }
    }

    private mutating func string() throws(Failure) {
        try expect(UInt8(ascii: "\""))
        while let byte = current {
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return
            case UInt8(ascii: "\\"):
                guard let escaped = current else { break }
                index += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                    UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    continue
                case UInt8(ascii: "u"):
                    guard index + 4 <= bytes.count, bytes[index..<index + 4].allSatisfy(Self.isHexDigit) else {
                        throw Failure("a \\u escape without four hex digits", at: index)
                    }
                    index += 4
                default:
                    throw Failure("an unknown escape", at: index - 1)
                }
            case 0..<0x20:
                throw Failure("a raw control character in a string", at: index - 1)
            default:
                continue
            }
        }
        throw Failure("an unterminated string", at: index)
    }

    private mutating func number() throws(Failure) {
        let start = index
        if current == UInt8(ascii: "-") { index += 1 }
        guard let first = current, Self.isDigit(first) else { throw Failure("a number without digits", at: start) }
        index += 1
        if first != UInt8(ascii: "0") {
            while let byte = current, Self.isDigit(byte) { index += 1 }
        }
        if current == UInt8(ascii: ".") {
            index += 1
            try digits()
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            try digits()
        }
    }

    private mutating func digits() throws(Failure) {
        guard let byte = current, Self.isDigit(byte) else { throw Failure("expected a digit", at: index) }
        while let byte = current, Self.isDigit(byte) { index += 1 }
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }
}
